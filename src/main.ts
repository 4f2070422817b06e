import path from 'node:path';
import { ConsolePlatform } from './adapters/console/console-platform.js';
import { runConsoleSession } from './adapters/console/console-session.js';
import { startMinuteTicker } from './adapters/cron/minute-ticker.js';
import { createDiscordBot } from './adapters/discord/discord-bot.js';
import { launchShards } from './adapters/discord/shard-launcher.js';
import { ContentError } from './adapters/questions/load-content.js';
import { loadQuizContent } from './adapters/questions/quiz-content.js';
import { createSlackBot } from './adapters/slack/register-slack.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { systemClock } from './core/ports/clock.js';
import { createLogger } from './logger.js';
import { openStores } from './stores.js';

/** The one place that reads the configuration and wires everything together. */
async function main(): Promise<number> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`Configuration problems:\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return 1;
  }
  const config = loaded.config;
  const consoleMode = !config.slack && !config.discord;
  // In console mode the terminal is the conversation: only warnings and errors reach stderr by default.
  const logLevel = consoleMode && !config.log.levelSet ? 'warn' : config.log.level;
  const log = createLogger({ ...config.log, level: logLevel });

  const discordShards = config.discord?.shards;
  if (config.discord && discordShards !== undefined && !config.discord.shardChild && !config.slack) {
    // A supervisor only: each shard process it spawns runs this same entry as a whole bot.
    const shards = await launchShards({
      entry: process.argv[1] ?? 'src/main.ts',
      settings: {
        token: config.discord.token,
        shards: discordShards,
        ...(config.discord.apiUrl ? { apiUrl: config.discord.apiUrl } : {}),
      },
      log: log.child({ component: 'shards' }),
    });
    await waitForSignal();
    await shards.stop();
    return 0;
  }

  let content: ReturnType<typeof loadQuizContent>;
  try {
    content = loadQuizContent(path.resolve(config.quiz.questionsDir));
  } catch (error) {
    if (error instanceof ContentError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  log.info(
    { questions: content.bank.all().length, services: content.catalog.all().length },
    'content loaded',
  );

  let stores: Awaited<ReturnType<typeof openStores>>;
  try {
    stores = await openStores(config.store, log.child({ component: 'redis' }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const app = buildApp({
    bank: content.bank,
    catalog: content.catalog,
    store: stores.quiz,
    subscriptions: stores.subscriptions,
    clock: systemClock,
    log: log.child({ component: 'quiz' }),
    quiz: config.quiz,
    channelLocale: config.quiz.locale,
  });

  if (consoleMode) {
    const write = (text: string): void => {
      process.stdout.write(text);
    };
    const platform = new ConsolePlatform(write, content.bank, config.quiz.timeZone, config.quiz.locale);
    app.platforms.set('console', platform);
    await runConsoleSession({
      commands: app.commands,
      publisher: app.publisher,
      platform,
      input: process.stdin,
      write,
      defaultLocale: config.quiz.locale,
      displayName: config.consoleUserName,
    });
    await stores.redis?.quit();
    return 0;
  }

  const stops: (() => Promise<void>)[] = [];
  if (config.slack) {
    const slack = createSlackBot({
      settings: config.slack,
      commands: app.commands,
      timeZone: config.quiz.timeZone,
      defaultLocale: config.quiz.locale,
      adminUserIds: config.quiz.adminUserIds,
      log: log.child({ component: 'slack' }),
    });
    app.platforms.set('slack', slack.platform);
    await slack.start(config.port);
    log.info({ mode: config.slack.appToken ? 'socket' : 'http', port: config.port }, 'slack connected');
    stops.push(() => slack.stop());
  }
  if (config.discord) {
    const discord = createDiscordBot({
      settings: config.discord,
      commands: app.commands,
      defaultLocale: config.quiz.locale,
      adminUserIds: config.quiz.adminUserIds,
      log: log.child({ component: 'discord' }),
    });
    app.platforms.set('discord', discord.platform);
    await discord.start();
    log.info({ shard: config.discord.shardChild }, 'discord connected');
    stops.push(() => discord.stop());
  }

  const ticker = startMinuteTicker(() => app.schedule.tick(), log.child({ component: 'scheduler' }));
  // Catch up at once: a slot missed while the bot was down is posted now if its round is still open.
  void app.schedule.tick().catch((error: unknown) => log.error({ err: error }, 'start-up tick failed'));
  await waitForSignal();
  log.info({}, 'shutting down');
  await ticker.stop();
  await Promise.all(
    stops.map((stop) => stop().catch((error: unknown) => log.warn({ err: error }, 'stop failed'))),
  );
  await stores.redis?.quit();
  return 0;
}

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
