import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { type BotProcess, startBotProcess } from './bot-process.js';
import { FakeSlack } from './fake-slack.js';
import { deleteByPrefix, type RedisTarget, uniquePrefix } from './redis-server.js';
import { singleAnswerBank } from './single-answer-bank.js';

export interface ProcessTestBed {
  fake: FakeSlack;
  /** A plain client on the test Redis, for checking what the bots stored. */
  admin(): Redis;
  /** A fresh key prefix, removed after the file. */
  prefix(): string;
  /** Starts a bot process on `prefix` (Slack HTTP mode against the fake), killed after the file. */
  bot(prefix: string, env?: Record<string, string>): Promise<BotProcess>;
}

/**
 * What the real-process tests share: a fake Slack, a Redis client, and bots and key prefixes that are
 * cleaned up after the file (and the Redis target closed). Registers its own beforeAll/afterAll.
 */
export function useProcessTestBed(target: RedisTarget | null): ProcessTestBed {
  const fake = new FakeSlack();
  let admin: Redis | undefined;
  const prefixes: string[] = [];
  const bots: BotProcess[] = [];
  const bank = singleAnswerBank();

  beforeAll(async () => {
    if (!target) return;
    await fake.start();
    admin = new Redis(target.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    admin.on('error', () => {});
    await admin.connect();
  });

  afterAll(async () => {
    if (!target) return;
    await Promise.all(bots.map((b) => b.stop('SIGKILL')));
    for (const prefix of prefixes) if (admin) await deleteByPrefix(admin, prefix).catch(() => {});
    admin?.disconnect();
    await fake.stop();
    await target.close();
    bank.remove();
  });

  return {
    fake,
    admin() {
      if (!admin) throw new Error('the test bed is not started');
      return admin;
    },
    prefix() {
      const prefix = uniquePrefix();
      prefixes.push(prefix);
      return prefix;
    },
    async bot(prefix, env = {}) {
      if (!target) throw new Error('no Redis');
      const started = await startBotProcess({
        REDIS_URL: target.url,
        REDIS_KEY_PREFIX: prefix,
        SLACK_API_URL: fake.apiUrl,
        QUIZ_ADMIN_USER_IDS: 'UADMIN',
        QUIZ_QUESTIONS_DIR: bank.dir,
        ...env,
      });
      bots.push(started);
      return started;
    },
  };
}
