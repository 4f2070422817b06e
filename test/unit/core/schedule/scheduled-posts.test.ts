import { describe, expect, it, vi } from 'vitest';
import { MemoryQuizStore } from '../../../../src/adapters/memory/memory-quiz-store.js';
import { MemorySubscriptionStore } from '../../../../src/adapters/memory/memory-subscription-store.js';
import type { ChannelRef, Question, Round } from '../../../../src/core/model/model.js';
import { PlatformError, type PostAttempt } from '../../../../src/core/ports/chat-platform.js';
import type { SubscriptionStore } from '../../../../src/core/ports/subscription-store.js';
import { messagesFor } from '../../../../src/core/presentation/messages/index.js';
import { answerValue } from '../../../../src/core/rounds/choices.js';
import { ManualClock } from '../../../support/builders.js';
import { aReplica, memoryReplicas, type Replica } from '../../../support/schedule-replicas.js';

/**
 * The scheduler through `tick()`, on fixed dates (never today's): 2026-11-30 is a Monday, 09:00 in
 * Tokyo is 00:00 UTC.
 */
const en = messagesFor('en');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONDAY_9 = Date.parse('2026-11-30T00:00:00Z');
const TUESDAY_9 = MONDAY_9 + DAY;
const WEDNESDAY_9 = MONDAY_9 + 2 * DAY;
const channel: ChannelRef = { scope: 'slack:T1', channelId: 'C1' };
const noWait = async () => {};

function oneReplica(clock: ManualClock): Replica {
  const [replica] = memoryReplicas(1, clock, noWait);
  if (!replica) throw new Error('no replica');
  return replica;
}

async function answerRight(r: Replica, userId = 'U1') {
  const last = r.platform.posts.at(-1);
  if (!last) throw new Error('nothing posted');
  const outcome = await r.app.engine.submitAnswer({
    scope: channel.scope,
    roundId: last.round.id,
    player: { id: userId, displayName: userId },
    choice: answerValue(last.question),
  });
  if (outcome.kind !== 'correct') throw new Error(`answer not counted as right: ${outcome.kind}`);
  return outcome;
}

describe('a question post the platform refuses (issue 15.1)', () => {
  it('is posted again as the same round on a later tick; nothing unposted is revealed, streaks go on', async () => {
    const clock = new ManualClock(MONDAY_9 - 5 * MINUTE);
    const r = oneReplica(clock);
    await r.app.schedule.set(channel, '0 9 * * *', 'Asia/Tokyo', en);
    clock.set(MONDAY_9 + 1000);
    await r.app.schedule.tick();
    expect((await answerRight(r)).streak).toBe(1);

    clock.set(TUESDAY_9 + 1000);
    r.platform.failPostsWith = new PlatformError('failed', 'chat.postMessage: socket hang up');
    await r.app.schedule.tick();
    expect(r.platform.posts).toHaveLength(1);
    r.platform.failPostsWith = null;
    clock.advance(MINUTE);
    await r.app.schedule.tick();

    const tuesday = r.platform.posts[1];
    expect(tuesday?.round.seq).toBe(2);
    expect(r.platform.retries).toEqual([tuesday?.round.id]); // the round created by the failed attempt
    expect(r.platform.reveals.map((x) => x.round.seq)).toEqual([1]); // Monday's, and nothing unposted
    expect((await answerRight(r)).streak).toBe(2);
  });

  it('is dropped without a reveal when its time is up, and the next round takes its number', async () => {
    const clock = new ManualClock(MONDAY_9 - 5 * MINUTE);
    const r = oneReplica(clock);
    await r.app.schedule.set(channel, '0 9 * * *', 'Asia/Tokyo', en);
    clock.set(MONDAY_9 + 1000);
    await r.app.schedule.tick();
    await answerRight(r);

    r.platform.failPostsWith = new PlatformError('rate-limited', 'chat.postMessage: rate limited', 30_000);
    for (const at of [TUESDAY_9 + 1000, TUESDAY_9 + MINUTE, TUESDAY_9 + 3 * HOUR]) {
      clock.set(at);
      await r.app.schedule.tick();
    }
    expect(r.platform.attempts).toBeGreaterThanOrEqual(3); // retried while the slot's window lasted
    r.platform.failPostsWith = null;
    clock.set(WEDNESDAY_9 + 1000);
    await r.app.schedule.tick();

    expect(r.platform.posts.map((p) => p.round.seq)).toEqual([1, 2]);
    expect(r.platform.reveals.map((x) => x.round.seq)).toEqual([1]);
    expect(r.log.count('question never posted; round dropped without a reveal')).toBe(1);
    expect((await answerRight(r)).streak).toBe(2);
  });
});

describe('a retried question post and the weekly digest', () => {
  it('sends the Monday digest once although the question after it needed a second attempt', async () => {
    const clock = new ManualClock(MONDAY_9 - DAY);
    const r = oneReplica(clock);
    await r.app.schedule.set(channel, '0 9 * * 1-5', 'Asia/Tokyo', en);
    clock.set(MONDAY_9 + 1000);
    r.platform.failPostsWith = new PlatformError('failed', 'chat.postMessage: socket hang up');
    await r.app.schedule.tick();
    r.platform.failPostsWith = null;
    clock.advance(MINUTE);
    await r.app.schedule.tick();
    expect(r.platform.posts).toHaveLength(1);
    expect(r.platform.texts).toHaveLength(1);
  });
});

describe('exactly once (issue 15.6)', () => {
  it('posts once when three replicas tick every minute for ten minutes after the slot', async () => {
    const clock = new ManualClock(MONDAY_9 - 5 * MINUTE);
    const replicas = memoryReplicas(3, clock, noWait);
    await replicas[0]?.app.schedule.set(channel, '0 9 * * *', 'Asia/Tokyo', en);
    for (let minute = 0; minute < 10; minute++) {
      clock.set(MONDAY_9 + minute * MINUTE + 200);
      await Promise.all(replicas.map((r) => r.app.schedule.tick()));
    }
    expect(replicas.flatMap((r) => r.platform.posts)).toHaveLength(1);
  });

  it('sends no digest on a Monday to a channel that turned it off (and one to a channel that did not)', async () => {
    const clock = new ManualClock(MONDAY_9 - DAY); // Sunday
    const r = oneReplica(clock);
    const quiet = { ...channel, channelId: 'C-quiet' };
    const loud = { ...channel, channelId: 'C-loud' };
    for (const c of [quiet, loud]) await r.app.schedule.set(c, '0 9 * * 1-5', 'Asia/Tokyo', en);
    await r.app.schedule.digest(quiet, false, en);
    clock.set(MONDAY_9 + 1000);
    await r.app.schedule.tick();
    expect(r.platform.posts.map((p) => p.channel.channelId).sort()).toEqual(['C-loud', 'C-quiet']);
    expect(r.platform.texts.map((t) => t.channel.channelId)).toEqual(['C-loud']);
  });
});

describe('a schedule starts when it is set (issue 17.3)', () => {
  it('posts nothing for a slot that passed before it was set, and says when the first question comes', async () => {
    const clock = new ManualClock(MONDAY_9 + 5 * HOUR); // Monday 14:00 in Tokyo
    const r = oneReplica(clock);
    const saved = await r.app.schedule.set(channel, '0 9 * * *', 'Asia/Tokyo', en);
    expect(saved.lines[0]).toBe('First question: Dec 1, 09:00 AM GMT+9.');
    clock.advance(MINUTE);
    await r.app.schedule.tick();
    expect(r.platform.posts).toHaveLength(0);
    clock.set(TUESDAY_9 + 1000);
    await r.app.schedule.tick();
    expect(r.platform.posts).toHaveLength(1);
  });

  it('does not post a second question the same day when 09:00 moves to 10:00 after 10:00', async () => {
    const clock = new ManualClock(MONDAY_9 - 5 * MINUTE);
    const r = oneReplica(clock);
    await r.app.schedule.set(channel, '0 9 * * *', 'Asia/Tokyo', en);
    clock.set(MONDAY_9 + 1000);
    await r.app.schedule.tick();
    clock.set(MONDAY_9 + 90 * MINUTE); // 10:30
    await r.app.schedule.set(channel, '0 10 * * *', 'Asia/Tokyo', en);
    clock.advance(MINUTE);
    await r.app.schedule.tick();
    expect(r.platform.posts).toHaveLength(1);
    clock.set(TUESDAY_9 + HOUR + 1000);
    await r.app.schedule.tick();
    expect(r.platform.posts).toHaveLength(2);
  });

  it('still posts a slot missed while the bot was down, late, once', async () => {
    const clock = new ManualClock(MONDAY_9 - 5 * MINUTE);
    const r = oneReplica(clock);
    await r.app.schedule.set(channel, '0 9 * * *', 'Asia/Tokyo', en);
    clock.set(MONDAY_9 + 90 * MINUTE); // back at 10:30
    await r.app.schedule.tick();
    clock.advance(MINUTE);
    await r.app.schedule.tick();
    expect(r.platform.posts).toHaveLength(1);
    expect(r.log.count('missed slot posted late')).toBe(1);
  });
});

describe('posting many channels (issue 17.1)', () => {
  it('lets a 429 from one workspace delay only that workspace, then retries it after Retry-After', async () => {
    const clock = new ManualClock(MONDAY_9 - 5 * MINUTE);
    const waits: { ms: number; release: () => void }[] = [];
    const sleep = (ms: number) => new Promise<void>((release) => waits.push({ ms, release }));
    const [r] = memoryReplicas(1, clock, sleep);
    if (!r) throw new Error();
    const limited = 'slack:T-limited';
    const other = 'slack:T-other';
    for (const scope of [limited, other]) {
      for (let i = 0; i < 6; i++) {
        await r.app.schedule.set({ scope, channelId: `C${i}` }, '0 9 * * *', 'Asia/Tokyo', en);
      }
    }
    r.platform.failScope.set(limited, {
      error: new PlatformError('rate-limited', 'chat.postMessage: rate limited', 5000),
      times: 1,
    });
    clock.set(MONDAY_9 + 1000);
    const tick = r.app.schedule.tick();
    await vi.waitFor(() => expect(waits).toHaveLength(1));
    const postedTo = (scope: string) => r.platform.posts.filter((p) => p.channel.scope === scope).length;
    // The limited workspace sits out its Retry-After; the other one is not held up by it.
    expect(waits[0]?.ms).toBe(5000);
    await vi.waitFor(() => expect(postedTo(other)).toBe(6));
    const limitedBefore = postedTo(limited);
    expect(limitedBefore).toBeLessThan(6);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(postedTo(limited)).toBe(limitedBefore); // nothing more while it waits
    waits[0]?.release();
    await tick;
    expect(postedTo(limited)).toBe(6);
    expect(r.platform.posts).toHaveLength(12);
  });
});

describe('the weekly digest (issue 21, point 10)', () => {
  it('shows names by the shown-name rule, as every other view does, even names stored raw', async () => {
    const clock = new ManualClock(MONDAY_9 - 3 * DAY); // last week's Friday
    const store = new MemoryQuizStore();
    const r = aReplica({ store, subscriptions: new MemorySubscriptionStore(() => clock.now()), clock });
    await r.app.schedule.set(channel, '0 9 * * 1-5', 'Asia/Tokyo', en);
    // Stored before names were neutralised on storage (an upgraded deployment), or by a path that skips it.
    const raw = '[x](https://evil) @everyone';
    await store.joinTeam(channel.scope, 'U1', 'crew', '[Crew](https://evil) <!channel>');
    const started = await r.app.engine.startRound({
      channel: { ...channel, channelId: 'C-old' },
      kind: 'daily',
    });
    if (started.kind !== 'started') throw new Error('no round');
    await r.app.engine.submitAnswer({
      scope: channel.scope,
      roundId: started.round.id,
      player: { id: 'U1', displayName: raw },
      choice: answerValue(started.question),
    });

    clock.set(MONDAY_9 + 1000);
    await r.app.schedule.tick();
    const digest = r.platform.texts[0]?.view;
    const shown = [
      digest?.title,
      ...(digest?.lines ?? []),
      ...(digest?.sections ?? []).map((x) => x.body),
    ].join('\n');
    expect(shown).toContain('x'); // the name is there, as text
    expect(shown, 'masked link').not.toMatch(/\]\(/);
    expect(shown, 'bare URL').not.toMatch(/\w:\/\//);
    expect(shown, 'mention').not.toMatch(/@everyone|<!channel>/);
    expect(shown).toContain('Crew');
  });
});

/**
 * Mutants that survived every test (issue 21, point 10): each case below fails with its mutant planted.
 */
describe('scheduler guarantees no other test pinned down', () => {
  it('never posts a slot twice after the replica that claimed it crashed before moving the channel on', async () => {
    const clock = new ManualClock(MONDAY_9 - 5 * MINUTE);
    const store = new MemoryQuizStore();
    const subscriptions = new MemorySubscriptionStore(() => clock.now());
    // Replica A dies right after its post: the channel is never moved on, its claim stays behind.
    const dies: SubscriptionStore = new Proxy(subscriptions, {
      get(target, property) {
        if (property === 'setNextPost') return () => new Promise<void>(() => {});
        const value = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const a = aReplica({ store, subscriptions: dies, clock });
    const b = aReplica({ store, subscriptions, clock });
    await b.app.schedule.set(channel, '0 9 * * *', 'Asia/Tokyo', en);
    clock.set(MONDAY_9 + 200);
    void a.app.schedule.tick();
    await vi.waitFor(() => expect(a.platform.posts).toHaveLength(1));
    // B looks at the still-due channel on later minutes: the claim is the slot's, whatever the minute.
    for (let minute = 1; minute <= 30; minute++) {
      clock.set(MONDAY_9 + minute * MINUTE + 200);
      await b.app.schedule.tick();
    }
    expect(b.platform.posts).toHaveLength(0);
    clock.set(TUESDAY_9 + 200);
    await b.app.schedule.tick();
    expect(b.platform.posts).toHaveLength(1); // the next slot is B's to post
  });

  it('posts nothing for a slot before the schedule was set when a later change makes the channel due', async () => {
    const clock = new ManualClock(MONDAY_9 + 5 * HOUR); // Monday 14:00 in Tokyo, after the 09:00 slot
    const r = oneReplica(clock);
    await r.app.schedule.set(channel, '0 9 * * *', 'Asia/Tokyo', en);
    clock.advance(5 * MINUTE);
    // A change saves the subscription without a post time: due at once, the tick works the time out.
    await r.app.schedule.extras(channel, true, en);
    clock.advance(MINUTE);
    await r.app.schedule.tick();
    expect(r.platform.posts).toHaveLength(0);
    clock.set(TUESDAY_9 + 1000);
    await r.app.schedule.tick();
    expect(r.platform.posts).toHaveLength(1);
  });

  it('keeps at most 4 posts in flight per workspace by default, however many of its channels are due', async () => {
    const clock = new ManualClock(MONDAY_9 - 5 * MINUTE);
    const r = oneReplica(clock);
    const scopes = ['slack:T-big', 'discord:G-big'];
    for (const scope of scopes) {
      for (let i = 0; i < 10; i++) {
        await r.app.schedule.set({ scope, channelId: `C${i}` }, '0 9 * * *', 'Asia/Tokyo', en);
      }
    }
    const inFlight = new Map<string, number>();
    const peak = new Map<string, number>();
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const post = r.platform.postQuestion.bind(r.platform);
    r.platform.postQuestion = async (
      to: ChannelRef,
      round: Round,
      question: Question,
      attempt?: PostAttempt,
    ) => {
      const now = (inFlight.get(to.scope) ?? 0) + 1;
      inFlight.set(to.scope, now);
      peak.set(to.scope, Math.max(now, peak.get(to.scope) ?? 0));
      await gate;
      inFlight.set(to.scope, (inFlight.get(to.scope) ?? 1) - 1);
      return post(to, round, question, attempt);
    };
    clock.set(MONDAY_9 + 1000);
    const tick = r.app.schedule.tick();
    const total = () => [...inFlight.values()].reduce((sum, n) => sum + n, 0);
    await vi.waitFor(() => expect(total()).toBeGreaterThanOrEqual(8));
    await new Promise((resolve) => setTimeout(resolve, 20)); // room for any post beyond the cap to start
    expect(Object.fromEntries(peak)).toEqual({ 'slack:T-big': 4, 'discord:G-big': 4 });
    open();
    await tick;
    expect(r.platform.posts).toHaveLength(20);
    expect(Object.fromEntries(peak)).toEqual({ 'slack:T-big': 4, 'discord:G-big': 4 });
  });
});
