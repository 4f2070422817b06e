import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Options, RESTEvents } from 'discord.js';
import type { QuizCommands } from '../../core/commands/quiz-commands.js';
import { CredentialRejectedError } from '../../core/model/errors.js';
import type { Locale, RoundRef } from '../../core/model/model.js';
import type { Logger } from '../../core/ports/logger.js';
import type { QuizMetrics } from '../../core/ports/metrics.js';
import { UserLocales } from '../../core/rounds/user-locales.js';
import type { InFlight } from '../../core/runtime/in-flight.js';
import { DiscordAdmins } from './discord-admins.js';
import { rejectLongChannelRateLimits } from './discord-errors.js';
import { DiscordPlatform, NO_MENTIONS } from './discord-platform.js';
import { createInteractionRouter } from './interaction-router.js';

/** What the Discord adapter needs to connect: the start-up fills it from the environment. */
export interface DiscordSettings {
  token: string;
  applicationId?: string;
  guildId?: string;
  apiUrl?: string;
  shards?: 'auto' | number;
  /** This process is one shard under a ShardingManager (not the supervisor). */
  shardChild?: boolean;
}

export interface DiscordBotDeps {
  settings: DiscordSettings;
  commands: QuizCommands;
  /** QUIZ_LOCALE: channel messages, and people whose Discord language is neither Japanese nor English. */
  defaultLocale: Locale;
  /** QUIZ_ADMIN_USER_IDS. */
  adminUserIds: readonly string[];
  log: Logger;
  /** How often at most a question's answer count is edited (default 5 s). */
  refreshIntervalMs?: number;
  /** REST retries on 5xx and timeouts (default 3); tests use 0 so a failing fake does not stall them. */
  restRetries?: number;
  /** A click's reply slower than this is deferred first (default 1.5 s). */
  deferAfterMs?: number;
  metrics?: QuizMetrics;
  /** Work that shutdown waits for: every interaction's handling. */
  inFlight?: InFlight;
}

export interface DiscordBot {
  client: Client;
  /** The gateway session is ready. */
  isConnected(): boolean;
  /** Register it as the `discord` platform before the scheduler ticks; posting needs no gateway. */
  platform: DiscordPlatform;
  /** The chat's admin rule for a guild member, outside an interaction (the web dashboard). */
  isAdmin(guildId: string, userId: string): Promise<boolean>;
  /** Logs in and resolves once the gateway session is ready. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The Discord bot on discord.js: the Guilds intent only (no privileged intents; boards use the names
 * stored at answer time), every reply ephemeral, channel messages through REST. `DISCORD_API_URL`
 * redirects REST and, through GET /gateway/bot, the gateway too. Under a ShardingManager discord.js
 * reads its shard ids from the environment the manager sets, so the same code runs as a shard.
 */
export function createDiscordBot(deps: DiscordBotDeps): DiscordBot {
  const { settings, log } = deps;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    rest: {
      ...(settings.apiUrl ? { api: settings.apiUrl } : {}),
      ...(deps.restRetries !== undefined ? { retries: deps.restRetries } : {}),
      rejectOnRateLimit: rejectLongChannelRateLimits,
    },
    // The bot reads no messages and no presences; caching them would only cost memory.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
    }),
  });
  // Set now rather than at login, so the scheduler can post while the gateway is still connecting.
  client.rest.setToken(settings.token);

  const engine = deps.commands.engine;
  const loadRound = (ref: RoundRef) => engine.roundWithQuestion(ref);
  const platform = new DiscordPlatform({
    rest: client.rest,
    bank: engine.bank,
    timeZone: engine.timeZone,
    locale: deps.defaultLocale,
    log,
    loadRound,
    ...(deps.refreshIntervalMs !== undefined ? { refreshIntervalMs: deps.refreshIntervalMs } : {}),
  });
  const route = createInteractionRouter({
    commands: deps.commands,
    platform,
    locales: new UserLocales(engine),
    defaultLocale: deps.defaultLocale,
    adminUserIds: deps.adminUserIds,
    log,
    ...(deps.deferAfterMs !== undefined ? { deferAfterMs: deps.deferAfterMs } : {}),
  });
  client.on(Events.InteractionCreate, (interaction) => {
    const handled = route(interaction);
    void (deps.inFlight ? deps.inFlight.track(handled) : handled);
  });
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status < 400) return;
    deps.metrics?.platformApiError('discord', `${request.method} ${request.route}`);
    if (response.status === 429)
      log.warn({ route: request.route, method: request.method }, 'rate limited by Discord');
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    log.warn({ shardId, code: event.code }, 'gateway disconnected'),
  );
  client.on(Events.ShardResume, (shardId, replayed) =>
    log.info({ shardId, replayed }, 'gateway session resumed'),
  );
  client.on(Events.ShardReady, (shardId) => log.info({ shardId }, 'gateway session ready'));
  // discord.js waits out its own limits (a local 50 requests/s global bucket among them) before Discord
  // ever says 429: that is routine under a burst of clicks, so debug. A 429 from Discord itself is a warning.
  client.rest.on(RESTEvents.RateLimited, (info) =>
    log.debug(
      { route: info.route, method: info.method, retryAfter: info.retryAfter, global: info.global },
      'waiting for a rate limit',
    ),
  );

  const admins = new DiscordAdmins(client, deps.adminUserIds, log);
  return {
    client,
    platform,
    isConnected: () => client.isReady(),
    isAdmin: (guildId, userId) => admins.isAdmin(guildId, userId),
    async start() {
      const ready = once(client, Events.ClientReady);
      ready.catch(() => {}); // a failed login leaves it pending; a later 'error' event must not crash
      try {
        await client.login(settings.token);
      } catch (error) {
        // discord.js turns Discord's 401 on GET /gateway/bot into TokenInvalid; retrying cannot fix it.
        if (
          (error as { code?: unknown }).code === 'TokenInvalid' ||
          (error as { status?: unknown }).status === 401
        )
          throw new CredentialRejectedError('DISCORD_TOKEN', 'Discord', '401 Unauthorized');
        throw error;
      }
      await ready;
      log.info({ user: client.user?.tag, shards: client.ws.shards.size }, 'discord bot ready');
    },
    async stop() {
      await platform.flush();
      await client.destroy();
    },
  };
}
