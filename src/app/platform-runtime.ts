import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { startMinuteTicker } from '../adapters/cron/minute-ticker.js';
import type { DiscordBot } from '../adapters/discord/discord-bot.js';
import type { DashboardPages } from '../adapters/http/dashboard/dashboard-pages.js';
import type { DashboardSignIn } from '../adapters/http/dashboard/dashboard-sign-in.js';
import { internalOpsRoutes, publicOpsRoutes, type ReadinessCheck } from '../adapters/http/ops-routes.js';
import type { PrometheusMetrics } from '../adapters/http/prometheus-metrics.js';
import { ThrottledLog } from '../adapters/http/throttled-log.js';
import type { SlackBot } from '../adapters/slack/register-slack.js';
import { InFlight } from '../core/runtime/in-flight.js';
import type { AppParts } from './app.js';
import type { Config } from './config.js';
import type { AdminRules } from './dashboard-web.js';
import { closeListener, slackListenerRoutes, startListener } from './http-listeners.js';
import { connectWithRetry, type PlatformConnection } from './platform-connection.js';
import { slackDistribution } from './slack-distribution.js';
import { redisProblem, type Stores } from './stores.js';

/** How long shutdown waits for accepted work (clicks being answered, a tick) before giving up. */
export const DRAIN_TIMEOUT_MS = 10_000;

export interface PlatformRuntime {
  /** Stops taking work, lets in-flight work finish (bounded), closes everything. Resolves true if clean. */
  shutdown(): Promise<boolean>;
}

/**
 * Runs the Slack and/or Discord bots with the scheduler and two listeners: the public one on PORT
 * (/healthz, a status-only /readyz, and in Slack HTTP mode Slack's endpoint and install routes) and the
 * internal one on METRICS_HOST:METRICS_PORT (/metrics, /readyz with its reasons).
 */
export async function startPlatforms(input: {
  config: Config;
  app: AppParts;
  stores: Stores;
  metrics: PrometheusMetrics;
  log: Logger;
  /** A configured credential was refused: the message (naming the variable) must end the process. */
  onFatal(message: string): void;
  /** The web dashboard, served on the public port when PUBLIC_URL is set. */
  dashboard?: { signIn: DashboardSignIn; pages: DashboardPages };
}): Promise<PlatformRuntime> {
  const { config, app, stores, metrics, log } = input;
  const inFlight = new InFlight();
  let draining = false;
  const checks: ReadinessCheck[] = [];
  const { redis } = stores;
  if (redis) checks.push({ name: 'redis', check: () => redisProblem(redis) });
  const opsDeps = { registry: metrics.registry, checks, draining: () => draining };
  const closers: { name: string; close: () => Promise<void> }[] = [];
  const servers: Server[] = [];
  // One throttle for every warning an anonymous client can cause on the public port.
  const throttledLog = new ThrottledLog(log.child({ component: 'http' }));

  const slackHttp = config.slack && !config.slack.appToken;
  const connections: PlatformConnection[] = [];
  const connect = (name: string, attempt: () => Promise<void>): PlatformConnection => {
    const connection = connectWithRetry({
      name,
      connect: attempt,
      onRejected: input.onFatal,
      log: log.child({ component: name }),
    });
    connections.push(connection);
    return connection;
  };
  let slackBot: SlackBot | null = null;
  let discordBot: DiscordBot | null = null;
  if (config.slack) {
    // Each platform's SDK is loaded only when it is configured (discord.js alone costs ~45 MiB).
    const { createSlackBot } = await import('../adapters/slack/register-slack.js');
    slackBot = createSlackBot({
      settings: config.slack,
      commands: app.commands,
      timeZone: config.quiz.timeZone,
      defaultLocale: config.quiz.locale,
      adminUserIds: config.quiz.adminUserIds,
      log: log.child({ component: 'slack' }),
      metrics,
      inFlight,
      seen: stores.seen,
      throttledLog,
      onReceiverError: () => metrics.httpError('slack-receiver'),
      ...(config.slack.oauth
        ? slackDistribution(config.store, stores, log.child({ component: 'slack' }))
        : {}),
    });
    const installations = slackBot.installations;
    if (installations) metrics.slackInstallations(() => installations.count());
    app.platforms.set('slack', slackBot.platform);
    closers.push({ name: 'slack', close: () => (slackBot as SlackBot).stop() });
  }
  if (config.discord) {
    const { createDiscordBot } = await import('../adapters/discord/discord-bot.js');
    discordBot = createDiscordBot({
      settings: config.discord,
      commands: app.commands,
      defaultLocale: config.quiz.locale,
      adminUserIds: config.quiz.adminUserIds,
      log: log.child({ component: 'discord' }),
      metrics,
      inFlight,
    });
    app.platforms.set('discord', discordBot.platform);
    closers.push({ name: 'discord', close: () => (discordBot as DiscordBot).stop() });
  }

  // The ops endpoints listen before any platform connects: /healthz answers at once and /readyz says
  // what start-up still waits for, however long a platform takes to reach.
  const httpLog = log.child({ component: 'http' });
  // Loaded only when served (PUBLIC_URL): a bot without it starts as before.
  const dashboardWebRoutes =
    input.dashboard && config.publicUrl ? (await import('./dashboard-web.js')).dashboardWebRoutes : null;
  const publicRoutes = [
    ...publicOpsRoutes(opsDeps),
    ...(slackBot && slackHttp ? slackListenerRoutes(slackBot.httpRoutes) : []),
    ...(input.dashboard && config.publicUrl && dashboardWebRoutes
      ? dashboardWebRoutes({
          ...input.dashboard,
          commands: app.commands,
          adminRules: adminRules(slackBot, discordBot),
          defaultLocale: config.quiz.locale,
          publicUrl: config.publicUrl,
          log: log.child({ component: 'dashboard' }),
        })
      : []),
  ];
  servers.push(
    await startListener({
      routes: publicRoutes,
      port: config.port,
      ...(config.host ? { host: config.host } : {}),
      log: httpLog,
      metrics,
      throttledLog,
    }),
  );
  log.info({ port: config.port, host: config.host }, 'public endpoints listening');
  const internal = await startListener({
    routes: internalOpsRoutes(opsDeps),
    port: config.metrics.port,
    host: config.metrics.host,
    log: httpLog,
    metrics,
  }).catch((error: unknown) => {
    // The default port taken (another process on the host) costs only the metrics; a chosen one is fatal.
    if (config.metrics.portSet) throw error;
    // One line an operator can act on: the reason, not a stack (nothing in our code went wrong).
    const reason = error instanceof Error ? error.message : String(error);
    log.warn({ port: config.metrics.port, reason }, 'internal listener not started; set METRICS_PORT');
    return null;
  });
  if (internal) {
    servers.push(internal);
    const address = internal.address();
    const port = typeof address === 'object' && address ? address.port : config.metrics.port;
    log.info({ port, host: config.metrics.host }, 'internal ops endpoints listening (/metrics, /readyz)');
  }

  if (slackBot) {
    const bot = slackBot;
    const connection = connect('slack', () => bot.connect());
    checks.push({ name: 'slack', check: async () => connection.problem() ?? bot.problem() });
  }
  if (discordBot) {
    const bot = discordBot;
    const connection = connect('discord', () => bot.start());
    checks.push({
      name: 'discord',
      check: async () => connection.problem() ?? (bot.isConnected() ? null : 'gateway not ready'),
    });
  }

  const schedulerLog = log.child({ component: 'scheduler' });
  const tick = (): Promise<void> => (draining ? Promise.resolve() : inFlight.track(app.schedule.tick()));
  const ticker = startMinuteTicker(tick, schedulerLog);
  // Catch up at once: a slot missed while the bot was down is posted now if its round is still open.
  void tick().catch((error: unknown) => schedulerLog.error({ err: error }, 'start-up tick failed'));

  return {
    async shutdown() {
      draining = true;
      for (const connection of connections) connection.cancel();
      await ticker.stop();
      // The public listener stops accepting first (in-flight requests finish); Discord keeps its gateway
      // until the interactions it accepted are answered.
      // Without Slack's endpoint, the public listener only carries /readyz, which says 503 while draining.
      const [publicServer, ...otherServers] = servers;
      if (publicServer && !slackHttp) otherServers.push(publicServer);
      const stopPublic = publicServer && slackHttp ? closeListener(publicServer) : Promise.resolve();
      const slack = closers.find((c) => c.name === 'slack');
      const stopSlack = slack
        ?.close()
        .catch((error: unknown) => log.warn({ err: error }, 'slack stop failed'));
      const drained = await inFlight.drain(DRAIN_TIMEOUT_MS);
      if (!drained) log.warn({ pending: inFlight.size }, 'shutdown: in-flight work did not finish in time');
      await stopSlack;
      await stopPublic;
      for (const closer of closers.filter((c) => c.name !== 'slack')) {
        await closer
          .close()
          .catch((error: unknown) => log.warn({ err: error, name: closer.name }, 'stop failed'));
      }
      for (const server of otherServers) await closeListener(server);
      await stores.redis?.quit();
      return drained;
    },
  };
}

/** The chat's admin rule of each running platform, for the dashboard's admin pages and actions. */
function adminRules(slackBot: SlackBot | null, discordBot: DiscordBot | null): AdminRules {
  return {
    ...(slackBot ? { slack: (teamId: string, userId: string) => slackBot.isAdmin(teamId, userId) } : {}),
    ...(discordBot
      ? { discord: (guildId: string, userId: string) => discordBot.isAdmin(guildId, userId) }
      : {}),
  };
}
