import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemorySubscriptionStore } from '../../src/adapters/memory/memory-subscription-store.js';
import { createRedisClients, type RedisClients } from '../../src/adapters/redis/redis-client.js';
import { RedisQuizStore } from '../../src/adapters/redis/redis-quiz-store.js';
import { RECORD_ANSWER_LUA } from '../../src/adapters/redis/scripts/record-answer.lua.js';
import { type AppParts, buildApp } from '../../src/app/app.js';
import type { CommandContext } from '../../src/core/commands/quiz-commands.js';
import { isStoreUnavailable } from '../../src/core/model/errors.js';
import { periodBuckets } from '../../src/core/model/periods.js';
import { POINTS_BY_STREAK } from '../../src/core/model/scoring.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import { aBank, aCatalog, someQuestions } from '../support/builders.js';
import { deleteByPrefix, startRedisTarget, uniquePrefix } from '../support/redis-server.js';

const target = await startRedisTarget();
const channel = { scope: 'slack:T1', channelId: 'C1' };

/** Counts per command since the last CONFIG RESETSTAT, without the INFO and CONFIG of the test itself. */
async function commandCounts(admin: Redis): Promise<Record<string, number>> {
  const info = await admin.info('commandstats');
  const counts: Record<string, number> = {};
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    const [, name = '', calls = '0'] = match;
    if (name !== 'info' && !name.startsWith('config')) counts[name] = Number(calls);
  }
  return counts;
}

/** The answer path as the adapters drive it (QuizCommands.answer), on the bot's own Redis clients. */
// Skipped only when there is no redis-server and QUIZ_TEST_SKIP_REDIS=1 asks for it (the run fails otherwise).
describe.skipIf(!target)('the answer path on redis-server', () => {
  let clients: RedisClients;
  let admin: Redis;
  let app: AppParts;
  const prefix = uniquePrefix();
  const ctx = (userId: string): CommandContext => ({
    ...channel,
    userId,
    displayName: userId,
    locale: 'en',
    isAdmin: async () => false,
  });

  beforeAll(async () => {
    if (!target) return;
    clients = createRedisClients({ url: target.url, logger: { info() {}, warn() {} } });
    await clients.connect();
    admin = new Redis(target.url, { maxRetriesPerRequest: 1 });
    admin.on('error', () => {});
    app = buildApp({
      bank: aBank(someQuestions(3)),
      catalog: aCatalog(),
      store: new RedisQuizStore(clients.interactive, { prefix }),
      subscriptions: new MemorySubscriptionStore(),
      clock: { now: () => Date.now() },
      log: silentLogger,
      quiz: { timeZone: 'Asia/Tokyo', cron: '0 9 * * 1-5', locale: 'en', adminUserIds: [], questionsDir: '' },
      channelLocale: 'en',
    });
  });
  afterAll(async () => {
    if (!target) return;
    await deleteByPrefix(admin, prefix).catch(() => {});
    admin.disconnect();
    await clients.quit();
    await target.close();
  });

  async function openRound(): Promise<string> {
    const started = await app.engine.startRound({ channel, kind: 'daily' });
    if (started.kind !== 'started') throw new Error('no round');
    return started.round.id;
  }

  it('costs exactly one Redis call per answer (INFO commandstats, MONITOR)', async () => {
    const roundId = await openRound();
    await app.commands.answer(roundId, 'A', ctx('U0')); // loads the script once (EVALSHA, NOSCRIPT, EVAL)
    // MONITOR tells a client's command from one a script runs (source "lua"); commandstats counts both.
    const monitor = await admin.monitor();
    const fromClients: string[] = [];
    monitor.on('monitor', (_time: string, args: string[], source: string) => {
      if (source !== 'lua') fromClients.push((args[0] ?? '').toLowerCase());
    });
    await admin.config('RESETSTAT');
    const answers = ['U1', 'U2', 'U3'];
    for (const [i, user] of answers.entries()) {
      const { outcome } = await app.commands.answer(roundId, i === 0 ? 'A' : 'B', ctx(user));
      expect(['correct', 'incorrect']).toContain(outcome.kind);
    }
    const stats = await commandCounts(admin);
    await admin.echo('end of answers');
    await expect.poll(() => fromClients.includes('echo')).toBe(true);
    monitor.disconnect();

    expect(stats.evalsha).toBe(answers.length);
    // Every other command counted ran inside the answer script.
    const scripted = new Set(
      [...RECORD_ANSWER_LUA.matchAll(/redis\.call\('([A-Za-z]+)'/g)].map((m) => (m[1] ?? '').toLowerCase()),
    );
    expect(Object.keys(stats).filter((name) => name !== 'evalsha' && !scripted.has(name))).toEqual([]);
    const clientCommands = fromClients.filter((c) => !['config', 'info', 'echo'].includes(c));
    expect(clientCommands).toEqual(answers.map(() => 'evalsha'));
  });

  it('writes the answer script when it is called, not on a later auto-pipelining turn', async () => {
    const roundId = await openRound();
    const store = new RedisQuizStore(clients.interactive, { prefix });
    const now = Date.now();
    const answering = store.recordAnswer({
      scope: channel.scope,
      roundId,
      player: { id: 'U7', displayName: 'seven' },
      choice: 'A',
      now,
      pointsByStreak: POINTS_BY_STREAK,
      periods: periodBuckets(now, 'Asia/Tokyo'),
    });
    // Auto-pipelined commands wait in this queue for a setImmediate; the answer script does not.
    expect(clients.interactive.autoPipelineQueueSize).toBe(0);
    // Any other command on the client still waits there (so the figure above means something).
    const reading = clients.interactive.get(`${prefix}:not-a-key`);
    expect(clients.interactive.autoPipelineQueueSize).toBe(1);
    expect((await answering).kind).toBe('recorded');
    expect(await reading).toBeNull();
  });

  it('fails an answer at once while Redis is down: the offline queue is off', async () => {
    if (!target) return;
    const roundId = await openRound();
    await target.stop();
    try {
      await expect.poll(() => clients.interactive.status).not.toBe('ready');
      const error = await app.commands.answer(roundId, 'A', ctx('U9')).catch((e: unknown) => e);
      expect(isStoreUnavailable(error)).toBe(true);
      // Refused by the client, not queued until a reconnect that gives up later (MaxRetriesPerRequestError).
      expect(String((error as { cause?: Error }).cause?.message)).toContain('enableOfflineQueue');
    } finally {
      await target.restart();
    }
  });
});
