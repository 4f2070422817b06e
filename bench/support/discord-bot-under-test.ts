import path from 'node:path';
import { createDiscordBot, type DiscordBot } from '../../src/adapters/discord/discord-bot.js';
import { MemorySubscriptionStore } from '../../src/adapters/memory/memory-subscription-store.js';
import { loadQuizContent } from '../../src/adapters/questions/quiz-content.js';
import { createRedisClients, type RedisClients } from '../../src/adapters/redis/redis-client.js';
import { RedisQuizStore } from '../../src/adapters/redis/redis-quiz-store.js';
import { type AppParts, buildApp } from '../../src/app/app.js';
import { systemClock } from '../../src/core/ports/clock.js';
import type { Logger } from '../../src/core/ports/logger.js';
import { APP_ID, type FakeDiscord } from '../../test/support/fake-discord.js';
import { ROOT } from './node-child.js';

/**
 * The Discord side of the bench, in this process: the core built as test/support/discord-harness.ts
 * builds it (real question bank, buildApp, createDiscordBot), but on a RedisQuizStore and the system
 * clock, with the real discord.js Client logged in to the fake gateway.
 */

/** A logger that counts what a healthy run never logs: warnings and errors. */
export function countingLogger(): Logger & { problems: string[] } {
  const problems: string[] = [];
  const note = (obj: object, msg?: string) => {
    problems.push(
      `${msg ?? ''} ${JSON.stringify(obj, (_k, v: unknown) => (v instanceof Error ? v.message : v))}`,
    );
  };
  return { problems, debug() {}, info() {}, warn: note, error: note };
}

export interface DiscordBotUnderTest {
  app: AppParts;
  bot: DiscordBot;
  log: ReturnType<typeof countingLogger>;
  close(): Promise<void>;
}

export async function startDiscordBot(
  fake: FakeDiscord,
  redis: { url: string; keyPrefix: string },
): Promise<DiscordBotUnderTest> {
  const content = loadQuizContent(path.join(ROOT, 'questions'));
  const clients: RedisClients = createRedisClients({ url: redis.url, logger: { info() {}, warn() {} } });
  await clients.connect();
  const log = countingLogger();
  const app = buildApp({
    bank: content.bank,
    catalog: content.catalog,
    store: new RedisQuizStore(clients.interactive, { prefix: redis.keyPrefix }),
    subscriptions: new MemorySubscriptionStore(),
    clock: systemClock,
    log,
    quiz: {
      timeZone: 'Asia/Tokyo',
      cron: '0 9 * * 1-5',
      locale: 'en',
      adminUserIds: [],
      questionsDir: 'questions',
      seed: 7,
    },
    channelLocale: 'en',
  });
  const bot = createDiscordBot({
    settings: { token: 'bench-token', applicationId: APP_ID, apiUrl: fake.apiUrl },
    commands: app.commands,
    defaultLocale: 'en',
    adminUserIds: [],
    log,
    restRetries: 0,
  });
  app.platforms.set('discord', bot.platform);
  try {
    await bot.start();
  } catch (error) {
    await clients.quit();
    throw error;
  }
  return {
    app,
    bot,
    log,
    async close() {
      await bot.stop();
      await clients.quit();
    },
  };
}
