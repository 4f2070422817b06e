import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { RedisQuizStore } from '../../src/adapters/redis/redis-quiz-store.js';
import { RedisSubscriptionStore } from '../../src/adapters/redis/redis-subscription-store.js';
import { messagesFor } from '../../src/core/presentation/messages/index.js';
import { ManualClock } from '../support/builders.js';
import { startRedisTarget } from '../support/redis-server.js';
import { redisTestBed } from '../support/redis-test-bed.js';
import { aReplica, type Replica } from '../support/schedule-replicas.js';

/** Issue 17 on real Redis: many channels at one slot, several replicas, and what an idle tick costs. */
const target = await startRedisTarget();
const en = messagesFor('en');
/** Monday 2026-11-30 09:00 in Tokyo. */
const MONDAY_9 = Date.parse('2026-11-30T00:00:00Z');
const noWait = async () => {};

// Skipped only when there is no redis-server and QUIZ_TEST_SKIP_REDIS=1 asks for it (the run fails otherwise).
describe.skipIf(!target)('the scheduler at scale on real Redis', { timeout: 120_000 }, () => {
  const bed = redisTestBed(target);

  /** One bot process: its own Redis connections over the shared prefix. */
  async function replica(prefix: string, clock: ManualClock): Promise<Replica> {
    const clients = await bed.clients();
    return aReplica({
      store: new RedisQuizStore(clients.interactive, { prefix }),
      subscriptions: new RedisSubscriptionStore(clients.background, { prefix }),
      clock,
      sleep: noWait,
    });
  }

  /** Subscribes `count` channels over `workspaces` workspaces, 50 calls in flight. */
  async function subscribe(r: Replica, count: number, workspaces: number, cron: string) {
    let next = 0;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        for (let i = next++; i < count; i = next++) {
          await r.app.schedule.set(
            { scope: `slack:T${i % workspaces}`, channelId: `C${i}` },
            cron,
            undefined,
            en,
          );
        }
      }),
    );
  }

  it('posts exactly once per channel with three replicas and 1,000 channels due at one slot', async () => {
    const prefix = bed.newPrefix();
    const clock = new ManualClock(MONDAY_9 - 5 * 60_000);
    const replicas = await Promise.all([1, 2, 3].map(() => replica(prefix, clock)));
    const [first] = replicas;
    if (!first) throw new Error();
    await subscribe(first, 1000, 10, '0 9 * * *');
    clock.set(MONDAY_9 + 200);
    await Promise.all(replicas.map((r) => r.app.schedule.tick()));
    clock.set(MONDAY_9 + 60_200);
    await Promise.all(replicas.map((r) => r.app.schedule.tick()));

    const posts = replicas.flatMap((r) => r.platform.posts);
    expect(posts).toHaveLength(1000);
    expect(new Set(posts.map((p) => p.channel.channelId)).size).toBe(1000);
    // The work was shared: more than one replica posted.
    expect(replicas.filter((r) => r.platform.posts.length > 0).length).toBeGreaterThan(1);
  });

  it('reads no subscription record in a tick when none of 2,000 subscriptions is due', async () => {
    const prefix = bed.newPrefix();
    const clock = new ManualClock(MONDAY_9 + 60 * 60_000); // 10:00: the 09:00 slots are past
    const r = await replica(prefix, clock);
    await subscribe(r, 2000, 20, '0 9 * * *');
    await r.app.schedule.tick(); // nothing due: this one may still look at the index once per process
    clock.set(MONDAY_9 + 61 * 60_000);

    if (!target) throw new Error();
    const monitor = await new Redis(target.url).monitor();
    const seen: string[][] = [];
    monitor.on('monitor', (_time: string, args: string[]) => {
      if (args.some((a) => a.startsWith(`${prefix}:`))) seen.push(args);
    });
    try {
      await r.app.schedule.tick();
      // The MONITOR stream is in command order: once this marker shows, the tick's commands have.
      const marker = `${prefix}:end-of-tick`;
      await bed.admin.get(marker);
      await expect.poll(() => seen.some((args) => args.includes(marker))).toBe(true);
    } finally {
      monitor.disconnect();
    }
    const tickCommands = seen.filter((args) => !args.some((a) => a.endsWith(':end-of-tick')));
    // One read each of the subscriptions' post-time index, the due-rounds index, the due-exams index and the
    // mock days' index; no GET of a record.
    expect(tickCommands.map((args) => args[0]?.toLowerCase())).toEqual([
      'zrangebyscore',
      'zrangebyscore',
      'zrangebyscore',
      'zrangebyscore',
    ]);
    expect(r.platform.posts).toHaveLength(0);
  });
});
