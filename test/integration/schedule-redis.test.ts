import { describe, expect, it } from 'vitest';
import { MemorySubscriptionStore } from '../../src/adapters/memory/memory-subscription-store.js';
import { RedisQuizStore } from '../../src/adapters/redis/redis-quiz-store.js';
import { RedisSubscriptionStore } from '../../src/adapters/redis/redis-subscription-store.js';
import { type AppParts, buildApp } from '../../src/app/app.js';
import { PlatformError } from '../../src/core/ports/chat-platform.js';
import type { Logger } from '../../src/core/ports/logger.js';
import { messagesFor } from '../../src/core/presentation/messages/index.js';
import { aBank, aCatalog, ManualClock, someQuestions } from '../support/builders.js';
import { RecordingPlatform } from '../support/recording-platform.js';
import { startRedisTarget } from '../support/redis-server.js';
import { redisTestBed } from '../support/redis-test-bed.js';
import { CapturingLogger } from '../support/schedule-replicas.js';
import { describeSubscriptionStoreContract } from '../support/subscription-contract.js';

const target = await startRedisTarget();
const en = messagesFor('en');
const HOUR = 3_600_000;
/** Monday 2026-11-30 09:00 in Tokyo. */
const MONDAY_9 = Date.parse('2026-11-30T00:00:00Z');

// Skipped only when there is no redis-server and QUIZ_TEST_SKIP_REDIS=1 asks for it (the run fails otherwise).
describe.skipIf(!target)('the daily schedule on real Redis', () => {
  const bed = redisTestBed(target);

  describeSubscriptionStoreContract('RedisSubscriptionStore', async () => {
    return new RedisSubscriptionStore(bed.admin, { prefix: bed.newPrefix() });
  });

  /** One bot process: its own Redis clients, stores, engine and a recording platform. */
  async function replica(prefix: string, clock: ManualClock, log: Logger = new CapturingLogger()) {
    const clients = await bed.clients();
    const platform = new RecordingPlatform();
    const subscriptions = new RedisSubscriptionStore(clients.background, { prefix });
    const app: AppParts = buildApp({
      bank: aBank([
        ...someQuestions(10),
        ...someQuestions(3).map((q) => ({ ...q, id: `m-${q.id}`, domain: 'monitoring' })),
      ]),
      catalog: aCatalog(),
      store: new RedisQuizStore(clients.interactive, { prefix }),
      subscriptions,
      clock,
      log,
      quiz: { timeZone: 'Asia/Tokyo', cron: '0 9 * * 1-5', locale: 'en', adminUserIds: [], questionsDir: '' },
      channelLocale: 'en',
    });
    app.platforms.set('slack', platform);
    return { app, platform, clients, log, subscriptions };
  }

  function setup() {
    const prefix = bed.newPrefix();
    const scope = `slack:T-${prefix.slice(-8)}`;
    return { prefix, channel: { scope, channelId: 'C1' }, clock: new ManualClock(MONDAY_9 - 5 * 60_000) };
  }

  it('posts one question per slot with three replicas firing at once, and none again', async () => {
    const { prefix, channel, clock } = setup();
    const replicas = await Promise.all([1, 2, 3].map(() => replica(prefix, clock)));
    const [first] = replicas;
    if (!first) throw new Error();
    await first.app.schedule.set(channel, '0 9 * * 1-5', 'Asia/Tokyo', en);
    clock.set(MONDAY_9 + 200);
    await Promise.all(replicas.map((r) => r.app.schedule.tick()));
    await Promise.all(replicas.map((r) => r.app.schedule.tick()));
    const posts = replicas.flatMap((r) => r.platform.posts);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.round.closesAt).toBe(MONDAY_9 + 24 * HOUR); // until Tuesday's slot
  });

  it('closes and reveals a round once after a restart between post and close', async () => {
    const { prefix, channel, clock } = setup();
    const before = await replica(prefix, clock);
    await before.app.schedule.set(channel, '0 9 * * *', undefined, en);
    clock.set(MONDAY_9 + 1000);
    await before.app.schedule.tick();
    const [posted] = before.platform.posts;
    if (!posted) throw new Error('not posted');
    await before.app.commands.answer(posted.round.id, posted.question.answer.join(','), {
      scope: channel.scope,
      channelId: channel.channelId,
      userId: 'U1',
      displayName: 'u1',
      locale: 'en',
      isAdmin: async () => false,
    });
    await before.clients.quit(); // the process goes away

    const after = await replica(prefix, clock);
    const other = await replica(prefix, clock);
    clock.set(MONDAY_9 + 24 * HOUR + 1000); // Tuesday 09:00: the round is due and the next slot fires
    await Promise.all([after.app.schedule.tick(), other.app.schedule.tick()]);
    await Promise.all([after.app.schedule.tick(), other.app.schedule.tick()]);
    const reveals = [...after.platform.reveals, ...other.platform.reveals];
    expect(reveals.map((r) => r.round.id)).toEqual([posted.round.id]);
    expect(reveals[0]?.tally.total).toBe(1);
    expect([...after.platform.posts, ...other.platform.posts]).toHaveLength(1); // Tuesday's question
  });

  it('posts a slot missed during downtime late, once, while its round would still be open', async () => {
    const { prefix, channel, clock } = setup();
    const log = new CapturingLogger();
    const r = await replica(prefix, clock, log);
    await r.app.schedule.set(channel, '0 9 * * *', undefined, en);
    clock.set(MONDAY_9 + 90 * 60_000); // back at 10:30
    await r.app.schedule.tick();
    await r.app.schedule.tick();
    expect(r.platform.posts).toHaveLength(1);
    expect(r.platform.posts[0]?.round.closesAt).toBe(MONDAY_9 + 24 * HOUR);
    expect(log.lines.filter((l) => l.msg === 'missed slot posted late')).toHaveLength(1);
  });

  it('skips and logs a missed slot whose round would already have closed', async () => {
    const { prefix, channel, clock } = setup();
    const log = new CapturingLogger();
    const r = await replica(prefix, clock, log);
    await r.app.schedule.set(channel, '0 9 * * *', undefined, en);
    const sub = await r.subscriptions.getSubscription(channel);
    if (!sub) throw new Error();
    await r.subscriptions.saveSubscription({ ...sub, roundMinutes: 60 });
    clock.set(MONDAY_9 + 90 * 60_000); // the 09:00 round would have closed at 10:00
    await r.app.schedule.tick();
    await r.app.schedule.tick();
    expect(r.platform.posts).toHaveLength(0);
    expect(log.lines.filter((l) => l.msg === 'slot missed while down; skipped')).toHaveLength(1);
  });

  it('pauses a subscription whose channel is gone, logs once and stops trying', async () => {
    const { prefix, channel, clock } = setup();
    const log = new CapturingLogger();
    const r = await replica(prefix, clock, log);
    await r.app.schedule.set(channel, '* * * * *', undefined, en);
    r.platform.failWith = new PlatformError('channel-gone', 'chat.postMessage: not_in_channel');
    for (let minute = 0; minute < 3; minute++) {
      clock.advance(60_000);
      await r.app.schedule.tick();
    }
    expect(r.platform.attempts).toBe(1);
    expect(log.lines.filter((l) => l.msg === 'channel unavailable; subscription paused')).toHaveLength(1);
    expect((await r.app.schedule.show(channel, en)).lines.join('\n')).toContain(
      'Paused: chat.postMessage: not_in_channel',
    );
    // Subscribing again resumes it.
    r.platform.failWith = null;
    await r.app.schedule.set(channel, '* * * * *', undefined, en);
    clock.advance(60_000);
    await r.app.schedule.tick();
    expect(r.platform.posts).toHaveLength(1);
  });

  it('asks only the chosen exam section and closes rounds after the chosen length', async () => {
    const { prefix, channel, clock } = setup();
    const r = await replica(prefix, clock);
    await r.app.schedule.set(channel, '0 9 * * *', undefined, en);
    expect((await r.app.schedule.domain(channel, 'astrology', en)).title).toContain('is not an exam section');
    await r.app.schedule.domain(channel, 'monitoring', en);
    const shown = await r.app.schedule.roundLength(channel, 90, en);
    expect(shown.lines).toEqual(
      expect.arrayContaining(['Exam section: Monitoring', 'Round length: 90 minutes']),
    );
    clock.set(MONDAY_9 + 1000);
    await r.app.schedule.tick();
    expect(r.platform.posts[0]?.question.domain).toBe('monitoring');
    expect(r.platform.posts[0]?.round.closesAt).toBe(MONDAY_9 + 90 * 60_000);
    await r.app.schedule.domain(channel, null, en);
    await r.app.schedule.roundLength(channel, null, en);
    expect((await r.app.schedule.show(channel, en)).lines).toEqual(
      expect.arrayContaining([
        'Exam section: all',
        'Round length: until the next question (at most 24 hours)',
      ]),
    );
  });

  it('retries a rate-limited post on a later tick', async () => {
    const { prefix, channel, clock } = setup();
    const r = await replica(prefix, clock);
    await r.app.schedule.set(channel, '0 9 * * *', undefined, en);
    clock.set(MONDAY_9 + 1000);
    r.platform.failWith = new PlatformError('rate-limited', 'chat.postMessage: rate limited', 30_000);
    await r.app.schedule.tick();
    r.platform.failWith = null;
    clock.advance(60_000);
    await r.app.schedule.tick();
    expect(r.platform.posts).toHaveLength(1);
  });

  it("adds last week's top players and teams on the first slot of a week", async () => {
    const { prefix, channel, clock } = setup();
    const r = await replica(prefix, clock);
    await r.app.schedule.set(channel, '0 9 * * 1-5', undefined, en);
    // Last week (Friday): a round and two right answers, one from a team member.
    clock.set(MONDAY_9 - 3 * 24 * HOUR);
    const started = await r.app.engine.startRound({
      channel: { ...channel, channelId: 'C-old' },
      kind: 'daily',
    });
    if (started.kind !== 'started') throw new Error();
    await r.app.engine.joinTeam(channel.scope, 'U1', 'Data Crew');
    for (const id of ['U1', 'U2']) {
      await r.app.engine.submitAnswer({
        scope: channel.scope,
        roundId: started.round.id,
        player: { id, displayName: `user-${id}` },
        choice: started.question.answer.join(','),
      });
    }
    clock.set(MONDAY_9 + 1000);
    await r.app.schedule.tick();
    expect(r.platform.texts).toHaveLength(1);
    const digest = r.platform.texts[0]?.view;
    expect(digest?.title).toBe("Last week's leaders (Nov 23–29)");
    expect(digest?.sections.map((s) => s.body).join('\n')).toMatch(/user-U\d: 10 pts[\s\S]*Data Crew/);
    clock.set(MONDAY_9 + 24 * HOUR + 1000); // Tuesday: no digest
    await r.app.schedule.tick();
    expect(r.platform.texts).toHaveLength(1);
    // Turned off per channel.
    await r.app.schedule.digest(channel, false, en);
    expect((await r.app.schedule.show(channel, en)).lines).toContain('Weekly digest: off');
  });
});

describeSubscriptionStoreContract('MemorySubscriptionStore', async () => new MemorySubscriptionStore());
