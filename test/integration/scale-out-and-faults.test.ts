import { describe, expect, it } from 'vitest';
import { RedisQuizStore } from '../../src/adapters/redis/redis-quiz-store.js';
import { RedisSubscriptionStore } from '../../src/adapters/redis/redis-subscription-store.js';
import { encodeAction } from '../../src/core/presentation/action-id.js';
import { type BotProcess, clickPayload, lastPostedRound } from '../support/bot-process.js';
import { useProcessTestBed } from '../support/process-test-bed.js';
import { type RedisTarget, startRedisTarget } from '../support/redis-server.js';

// Persistent, so a server stopped in the middle of a test comes back with its data.
const target = await startRedisTarget({ persistent: true });
const SCOPE = 'slack:T1';

/** Runs `tasks` with at most `limit` in flight. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let i = next++; i < tasks.length; i = next++) {
        const task = tasks[i];
        if (task) results[i] = await task();
      }
    }),
  );
  return results;
}

// Real processes and npm installs: generous bounds, still well inside CI's budget.
describe.skipIf(!target)('several bot processes and a Redis outage', { timeout: 120_000 }, () => {
  const bed = useProcessTestBed(target);
  const { fake } = bed;
  const startBot = (prefix: string) => bed.bot(prefix, { LOG_LEVEL: 'warn' });

  it('two processes on one Redis: one post per slot, 1,000 clicks from 100 players counted once', async () => {
    const prefix = bed.prefix();
    // A daily slot two minutes ago: both processes' start-up ticks find it due (a late post), and no
    // other slot comes during the test.
    const slot = new Date(Date.now() - 120_000);
    await new RedisSubscriptionStore(bed.admin(), { prefix }).saveSubscription({
      channel: { scope: SCOPE, channelId: 'C-scale' },
      cron: `${slot.getUTCMinutes()} ${(slot.getUTCHours() + 9) % 24} * * *`,
      timeZone: 'Asia/Tokyo',
      digest: false,
    });
    const before = fake.callsOf('chat.postMessage').length;
    const pair = await Promise.all([startBot(prefix), startBot(prefix)]);
    await expect
      .poll(() => fake.callsOf('chat.postMessage').length, { timeout: 10_000 })
      .toBeGreaterThan(before);
    await new Promise((r) => setTimeout(r, 1000));
    const posts = fake.callsOf('chat.postMessage').slice(before);
    expect(posts.map((p) => p.body.channel)).toEqual(['C-scale']);
    const { roundId, keys } = lastPostedRound(fake);

    // 100 players, 10 clicks each (9 duplicates), spread over both processes.
    const choiceOf = (p: number) => keys[p % keys.length] ?? 'A';
    const tasks = Array.from({ length: 1000 }, (_, i) => {
      const player = i % 100;
      const bot = pair[i % 2] as BotProcess;
      const action = encodeAction({ kind: 'answer', roundId, choice: choiceOf(player) });
      return () =>
        bot.click(clickPayload(action, `UP${player}`, fake.responseUrl(`scale-${i}`))).then((r) => r.status);
    });
    const statuses = await pool(tasks, 50);
    expect(statuses.every((s) => s === 200)).toBe(true);
    await expect
      .poll(() => fake.responses.filter((r) => r.id.startsWith('scale-')).length, { timeout: 15_000 })
      .toBe(1000);

    const store = new RedisQuizStore(bed.admin(), { prefix });
    const tally = await store.tally(SCOPE, roundId);
    expect(tally.total).toBe(100);
    for (const [index, key] of keys.entries()) {
      const expected = Array.from({ length: 100 }, (_, p) => p).filter(
        (p) => p % keys.length === index,
      ).length;
      expect(tally.counts[key] ?? 0).toBe(expected);
    }
    const board = await store.leaderboard({ scope: SCOPE, period: 'all', periodKey: 'all', limit: 200 });
    const correctPlayers = board.entries.length;
    expect(correctPlayers).toBe(100 / keys.length); // one choice in four is right
    expect(board.entries.every((e) => e.points === 10)).toBe(true);
    const duplicates = fake.responses.filter(
      (r) => r.id.startsWith('scale-') && JSON.stringify(r.body).includes('already answered'),
    );
    expect(duplicates).toHaveLength(900);
  });

  it('Redis down for 5 seconds during a burst: every click is answered within 3 s, nothing double-counted', async () => {
    const prefix = bed.prefix();
    const bot = await startBot(prefix);
    await bot.command({
      command: '/quiz',
      text: 'post',
      team_id: 'T1',
      channel_id: 'C-outage',
      user_id: 'UADMIN',
      user_name: 'admin',
      response_url: fake.responseUrl('outage-post'),
      trigger_id: 'outage-post',
    });
    await expect.poll(() => fake.responsesTo('outage-post').length, { timeout: 5000 }).toBe(1);
    const { roundId, keys } = lastPostedRound(fake);
    const action = (user: number) =>
      encodeAction({ kind: 'answer', roundId, choice: keys[user % keys.length] ?? 'A' });

    /** One click and the time until its private reply arrives. */
    const click = async (user: number, attempt: number) => {
      const id = `outage-${user}-${attempt}`;
      const sent = Date.now();
      const res = await bot.click(clickPayload(action(user), `UO${user}`, fake.responseUrl(id)));
      expect(res.status).toBe(200);
      await expect.poll(() => fake.responsesTo(id).length, { timeout: 3000, interval: 20 }).toBe(1);
      const reply = JSON.stringify(fake.responsesTo(id)[0]);
      return { user, ms: Date.now() - sent, recorded: !reply.includes('not recorded'), reply };
    };

    // 60 players click over 9 seconds; Redis goes away from second 2 to second 7.
    const burst = Array.from({ length: 60 }, (_, user) =>
      new Promise((r) => setTimeout(r, user * 150)).then(() => click(user, 1)),
    );
    const outage = (async () => {
      await new Promise((r) => setTimeout(r, 2000));
      await (target as RedisTarget).stop();
      await new Promise((r) => setTimeout(r, 5000));
      await (target as RedisTarget).restart();
    })();
    const first = await Promise.all(burst);
    await outage;
    expect(bot.child.exitCode).toBeNull(); // no crash
    expect(first.every((c) => c.ms < 3000)).toBe(true);
    const failed = first.filter((c) => !c.recorded);
    expect(failed.length).toBeGreaterThan(0); // the outage was felt...
    expect(failed.every((c) => c.reply.includes('your answer was not recorded'))).toBe(true); // ...and said so

    await expect
      .poll(async () => (await fetch(`${bot.baseUrl}/readyz`)).status, { timeout: 10_000 })
      .toBe(200);
    const retried = await Promise.all(failed.map((c) => click(c.user, 2)));
    // A retry succeeds; "already answered" means the first try had reached Redis after all, which is fine.
    expect(retried.every((c) => c.recorded)).toBe(true);

    const store = new RedisQuizStore(bed.admin(), { prefix });
    const tally = await store.tally(SCOPE, roundId);
    expect(tally.total).toBe(60);
    const board = await store.leaderboard({ scope: SCOPE, period: 'all', periodKey: 'all', limit: 100 });
    expect(board.entries.every((e) => e.points === 10)).toBe(true);
    expect(board.entries.length).toBe(60 / keys.length); // the players who chose the right key
  });
});
