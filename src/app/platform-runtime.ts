import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { startMinuteTicker } from '../adapters/cron/minute-ticker.js';
import type { DiscordBot } from '../adapters/discord/discord-bot.js';
import { opsRoutes, type ReadinessCheck } from '../adapters/http/ops-routes.js';
import { startOpsServer } from '../adapters/http/ops-server.js';
import type { PrometheusMetrics } from '../adapters/http/prometheus-metrics.js';
import type { SlackBot } from '../adapters/slack/register-slack.js';
import { InFlight } from '../core/runtime/in-flight.js';
import type { AppParts } from './app.js';
import type { Config } from './config.js';
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
 * Runs the Slack and/or Discord bots with the scheduler and the ops endpoints (/healthz, /readyz,
 * /metrics): on Slack's own HTTP server in HTTP mode, else on a small server on PORT.
 */
export async function startPlatforms(input: {
  config: Config;
  app: AppParts;
  stores: Stores;
  metrics: PrometheusMetrics;
  log: Logger;
  /** A configured credential was refused: the message (naming the variable) must end the process. */
  onFatal(message: string): void;
}): Promise<PlatformRuntime> {
  const { config, app, stores, metrics, log } = input;
  const inFlight = new InFlight();
  let draining = false;
  const checks: ReadinessCheck[] = [];
  const { redis } = stores;
  if (redis) checks.push({ name: 'redis', check: () => redisProblem(redis) });
  const routes = opsRoutes({ registry: metrics.registry, checks, draining: () => draining });
  const closers: { name: string; close: () => Promise<void> }[] = [];
  let opsServer: Server | null = null;

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
      ...(slackHttp ? { customRoutes: routes } : {}),
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
  if (slackBot && slackHttp) await slackBot.listen(config.port, config.host);
  else opsServer = await startOpsServer(routes, config.port, config.host);
  log.info({ port: config.port, host: config.host }, 'ops endpoints listening');

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
      // Slack's server stops accepting first (in-flight requests finish); Discord keeps its gateway until
      // the interactions it accepted are answered.
      const slack = closers.find((c) => c.name === 'slack');
      const stopSlack = slack
        ?.close()
        .catch((error: unknown) => log.warn({ err: error }, 'slack stop failed'));
      const drained = await inFlight.drain(DRAIN_TIMEOUT_MS);
      if (!drained) log.warn({ pending: inFlight.size }, 'shutdown: in-flight work did not finish in time');
      await stopSlack;
      for (const closer of closers.filter((c) => c.name !== 'slack')) {
        await closer
          .close()
          .catch((error: unknown) => log.warn({ err: error, name: closer.name }, 'stop failed'));
      }
      const server = opsServer;
      if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
      await stores.redis?.quit();
      return drained;
    },
  };
}
