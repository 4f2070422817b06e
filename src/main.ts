import path from 'node:path';
import { ConsolePlatform } from './adapters/console/console-platform.js';
import { runConsoleSession } from './adapters/console/console-session.js';
import { MemoryQuizStore } from './adapters/memory/memory-quiz-store.js';
import { MemorySubscriptionStore } from './adapters/memory/memory-subscription-store.js';
import { ContentError } from './adapters/questions/load-content.js';
import { loadQuizContent } from './adapters/questions/quiz-content.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { systemClock } from './core/ports/clock.js';
import { createLogger } from './logger.js';

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

  if (config.store.kind !== 'memory') {
    process.stderr.write(
      'The Redis store is not wired into this build yet; unset REDIS_URL or set QUIZ_STORE=memory.\n',
    );
    return 1;
  }
  const store = new MemoryQuizStore();
  const subscriptions = new MemorySubscriptionStore();
  const app = buildApp({
    bank: content.bank,
    catalog: content.catalog,
    store,
    subscriptions,
    clock: systemClock,
    log,
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
    return 0;
  }
  process.stderr.write('Slack and Discord adapters are not part of this build yet.\n');
  return 1;
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
