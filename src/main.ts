import path from 'node:path';
import { ConsolePlatform } from './adapters/console/console-platform.js';
import { runConsoleSession } from './adapters/console/console-session.js';
import { consoleUserName } from './adapters/console/console-user.js';
import { terminalWidth } from './adapters/console/terminal-width.js';
import { DashboardSignIn } from './adapters/http/dashboard/dashboard-sign-in.js';
import { PrometheusMetrics } from './adapters/http/prometheus-metrics.js';
import { ContentError } from './adapters/questions/load-content.js';
import { loadQuizContent } from './adapters/questions/quiz-content.js';
import { buildApp } from './app/app.js';
import { loadConfig } from './app/config.js';
import { endOnClosedPipe } from './app/end-on-closed-pipe.js';
import { exitOnFatal } from './app/fatal-exit.js';
import { closeListener } from './app/http-listeners.js';
import { createLogger } from './app/logger.js';
import { NO_PLATFORM_CONFIGURED, REQUIRE_PLATFORM_FLAG } from './app/platform-required.js';
import { DRAIN_TIMEOUT_MS, startPlatforms } from './app/platform-runtime.js';
import { countingStoreErrors, openStores } from './app/stores.js';
import { systemClock } from './core/ports/clock.js';

/** The one place that reads the configuration and wires everything together. */
async function main(): Promise<number> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`Configuration problems:\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return 1;
  }
  const config = loaded.config;
  const consoleMode = !config.slack && !config.discord;
  if (consoleMode && process.argv.includes(REQUIRE_PLATFORM_FLAG)) {
    process.stderr.write(`${NO_PLATFORM_CONFIGURED}\n`);
    return 1;
  }
  // In console mode the terminal is the conversation: only warnings and errors reach stderr by default.
  const logLevel = consoleMode && !config.log.levelSet ? 'warn' : config.log.level;
  const log = createLogger({ ...config.log, level: logLevel });

  const discordShards = config.discord?.shards;
  if (config.discord && discordShards !== undefined && !config.discord.shardChild && !config.slack) {
    // A supervisor only: each shard process it spawns runs this same entry as a whole bot.
    const { launchShards } = await import('./adapters/discord/shard-launcher.js');
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

  const metrics = new PrometheusMetrics();
  let stores: Awaited<ReturnType<typeof openStores>>;
  try {
    stores = await openStores(config.store, log.child({ component: 'redis' }));
    stores.quiz = countingStoreErrors(stores.quiz, (operation) => metrics.storeError(operation));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  // Console mode: links point at the local listener once it has its port; else at PUBLIC_URL (none: off).
  let dashboardBase: string | null = consoleMode ? null : (config.publicUrl ?? null);
  const signIn = new DashboardSignIn(stores.dashboard, () => dashboardBase);
  const app = buildApp({
    bank: content.bank,
    catalog: content.catalog,
    store: stores.quiz,
    subscriptions: stores.subscriptions,
    clock: systemClock,
    log: log.child({ component: 'quiz' }),
    quiz: config.quiz,
    channelLocale: config.quiz.locale,
    metrics,
    ...(consoleMode || config.publicUrl ? { dashboard: signIn } : {}),
  });
  // The pages load only where they are served (console mode, PUBLIC_URL): a bot without it starts as before.
  const loadDashboardPages = async () =>
    (await import('./adapters/http/dashboard/create-dashboard-pages.js')).createDashboardPages({
      store: stores.quiz,
      bank: content.bank,
      clock: systemClock,
      timeZone: config.quiz.timeZone,
    });

  if (consoleMode) {
    endOnClosedPipe(process.stdout);
    const write = (text: string): void => {
      process.stdout.write(text);
    };
    const width = terminalWidth(process.stdout, process.env);
    const platform = new ConsolePlatform(
      write,
      content.bank,
      config.quiz.timeZone,
      config.quiz.locale,
      width,
    );
    app.platforms.set('console', platform);
    // HOST is ignored: the console player's dashboard is for this machine only.
    const { startConsoleDashboard } = await import('./app/console-dashboard.js');
    const dashboard = await startConsoleDashboard({
      port: config.port,
      app,
      signIn,
      pages: await loadDashboardPages(),
      defaultLocale: config.quiz.locale,
      log: log.child({ component: 'dashboard' }),
    });
    if (dashboard.kind === 'listening') dashboardBase = dashboard.baseUrl;
    await runConsoleSession({
      commands: app.commands,
      publisher: app.publisher,
      platform,
      input: process.stdin,
      write,
      defaultLocale: config.quiz.locale,
      displayName: consoleUserName(process.env),
      log: log.child({ component: 'console' }),
      dashboard: dashboard.kind === 'listening' ? { kind: 'listening' } : dashboard,
    });
    if (dashboard.kind === 'listening') await closeListener(dashboard.server);
    await stores.redis?.quit();
    return 0;
  }

  let rejected: (message: string) => void = () => {};
  const credentialRejected = new Promise<string>((resolve) => {
    rejected = resolve;
  });
  const runtime = await startPlatforms({
    config,
    app,
    stores,
    metrics,
    log,
    onFatal: rejected,
    ...(config.publicUrl ? { dashboard: { signIn, pages: await loadDashboardPages() } } : {}),
  });
  const ended = await Promise.race([
    waitForSignal().then((signal) => ({ signal })),
    credentialRejected.then((message) => ({ message })),
  ]);
  if ('message' in ended) {
    // One line that names the variable, then exit at once: no click can have been accepted with a
    // refused token, and a platform client still connecting would only hold the process up.
    log.fatal(ended.message);
    await new Promise<void>((resolve) => log.flush(() => resolve()));
    process.exit(1);
  }
  const { signal } = ended;
  log.info({ signal }, 'shutting down');
  // A second signal, or a shutdown stuck past its bounds, ends the process without waiting further.
  const force = (): never => process.exit(1);
  process.once('SIGTERM', force);
  process.once('SIGINT', force);
  setTimeout(force, DRAIN_TIMEOUT_MS + 10_000).unref();
  const clean = await runtime.shutdown();
  log.info({ clean }, 'stopped');
  log.flush();
  return 0;
}

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
}

// A fatal error always ends the process, as one JSON log line: a half-started bot (say, with a Discord
// client still retrying) must not stay alive without its health endpoints.
process.on('uncaughtException', exitOnFatal);
process.on('unhandledRejection', exitOnFatal);

main().then((code) => {
  process.exitCode = code;
  // Everything is closed; a library timer left behind must not keep the process from exiting.
  setTimeout(() => process.exit(code), 2000).unref();
}, exitOnFatal);
