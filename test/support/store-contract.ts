import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRef, Round, ScopeId } from '../../src/core/model.js';
import { periodBuckets } from '../../src/core/periods.js';
import type { NewRound, QuizStore, RecordAnswerResult } from '../../src/core/ports/quiz-store.js';
import { POINTS_BY_STREAK } from '../../src/core/scoring.js';

/**
 * The QuizStore contract: every implementation (memory, Redis, Redis Cluster) runs these cases
 * unchanged. The memory store's semantics are the reference; see the TSDoc in `ports/quiz-store.ts`.
 *
 * Each case gets a fresh store from `makeStore` and its own scope id, so cases never see each other's
 * data even when the stores share one server.
 */
export interface StoreUnderTest {
  store: QuizStore;
  /** Removes whatever the store wrote (a shared server must be left as found). */
  cleanup(): Promise<void>;
}

const TZ = 'Asia/Tokyo';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/**
 * Monday 2030-01-07 09:00 in Tokyo. In the future on purpose: the Redis store expires rounds and
 * period boards relative to their own timestamps, and a past date would expire them on write.
 */
const T0 = Date.UTC(2030, 0, 7, 0, 0, 0);

/** The week/month keys of answers given on day `day` after T0. */
const weekOf = (day: number): string => periodBuckets(T0 + day * DAY + HOUR, TZ).week.key;
const monthOf = (day: number): string => periodBuckets(T0 + day * DAY + HOUR, TZ).month.key;

interface AnswerOptions {
  now?: number;
  name?: string;
  pointsByStreak?: readonly number[];
}

export function describeQuizStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`${name} (QuizStore contract)`, () => {
    let store: QuizStore;
    let cleanup: () => Promise<void>;
    let scope: ScopeId;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
      scope = `slack:T-${randomUUID()}`;
    });

    afterEach(async () => {
      await cleanup();
    });

    const newRound = (overrides: Partial<NewRound> = {}): NewRound => ({
      id: `r-${randomUUID()}`,
      scope,
      channelId: 'C1',
      questionId: 'q1',
      answerKey: 'B',
      choiceKeys: ['A', 'B', 'C', 'D'],
      domain: 'd1',
      kind: 'daily',
      openedAt: T0,
      closesAt: T0 + 8 * HOUR,
      ...overrides,
    });
    const round = (overrides: Partial<NewRound> = {}): Promise<Round> =>
      store.createRound(newRound(overrides));
    /** A daily round opened on day `day` after T0, open for 8 hours. */
    const daily = (day: number, channelId = 'C1', overrides: Partial<NewRound> = {}): Promise<Round> =>
      round({ channelId, openedAt: T0 + day * DAY, closesAt: T0 + day * DAY + 8 * HOUR, ...overrides });
    const practice = (ownerId = 'U1', overrides: Partial<NewRound> = {}): Promise<Round> =>
      round({ kind: 'practice', ownerId, ...overrides });
    const answer = (r: Round, playerId: string, choice: string, options: AnswerOptions = {}) => {
      const now = options.now ?? r.openedAt + HOUR;
      return store.recordAnswer({
        scope,
        roundId: r.id,
        player: { id: playerId, displayName: options.name ?? `name-${playerId}` },
        choice,
        now,
        pointsByStreak: options.pointsByStreak ?? POINTS_BY_STREAK,
        periods: periodBuckets(now, TZ),
      });
    };
    /** Gives `playerId` exactly `points` on day `day`'s boards: a right answer in a fresh channel. */
    const award = async (playerId: string, points: number, day = 0, name?: string): Promise<void> => {
      const r = await daily(day, `award-${randomUUID()}`);
      const result = await answer(r, playerId, 'B', { pointsByStreak: [points], ...(name ? { name } : {}) });
      expect(result).toMatchObject({ kind: 'recorded', points });
    };
    const pointsOf = (results: RecordAnswerResult[]): number[] =>
      results.map((r) => (r.kind === 'recorded' ? r.points : -1));
    const channel = (channelId: string): ChannelRef => ({ scope, channelId });

    describe('rounds', () => {
      it('creates an open round and reads it back', async () => {
        const input = newRound();
        const created = await store.createRound(input);
        expect(created).toEqual({
          id: input.id,
          scope,
          channelId: 'C1',
          questionId: 'q1',
          kind: 'daily',
          status: 'open',
          openedAt: T0,
          closesAt: T0 + 8 * HOUR,
          seq: 1,
        });
        expect(await store.getRound(scope, input.id)).toEqual(created);
      });

      it('returns null for an unknown round or a round of another scope', async () => {
        const r = await round();
        expect(await store.getRound(scope, 'no-such-round')).toBeNull();
        expect(await store.getRound(`slack:T-${randomUUID()}`, r.id)).toBeNull();
      });

      it('numbers daily rounds per channel; practice rounds get 0 and keep their owner', async () => {
        expect((await daily(0, 'C1')).seq).toBe(1);
        expect((await daily(1, 'C1')).seq).toBe(2);
        expect((await daily(1, 'C2')).seq).toBe(1);
        const p = await practice('U9', { channelId: 'C1' });
        expect(p).toMatchObject({ kind: 'practice', seq: 0, ownerId: 'U9' });
        expect(await store.getRound(scope, p.id)).toEqual(p);
        expect((await daily(2, 'C1')).seq).toBe(3);
        const otherScope = `discord:${randomUUID()}`;
        expect((await store.createRound(newRound({ scope: otherScope }))).seq).toBe(1);
      });

      it('stores the message ref; ignores an unknown round', async () => {
        const r = await round();
        await store.setRoundMessage(scope, r.id, '1700000000.000100');
        expect(await store.getRound(scope, r.id)).toEqual({ ...r, messageRef: '1700000000.000100' });
        await store.setRoundMessage(scope, 'no-such-round', 'x');
        expect(await store.getRound(scope, 'no-such-round')).toBeNull();
      });

      it('knows the newest daily round of each channel, open or not', async () => {
        expect(await store.latestDailyRound(channel('C1'))).toBeNull();
        await daily(0, 'C1');
        const second = await daily(1, 'C1');
        const c2 = await daily(1, 'C2');
        await practice('U1', { channelId: 'C1' });
        expect(await store.latestDailyRound(channel('C1'))).toEqual(second);
        expect(await store.latestDailyRound(channel('C2'))).toEqual(c2);
        await store.claimClose(scope, second.id, second.closesAt, 60_000);
        expect(await store.latestDailyRound(channel('C1'))).toEqual({ ...second, status: 'closed' });
      });
    });

    describe('recordAnswer', () => {
      it('records a right daily answer with its points, streak, totals and answer count', async () => {
        const r = await round();
        expect(await answer(r, 'U1', 'B')).toEqual({
          kind: 'recorded',
          questionId: 'q1',
          roundKind: 'daily',
          correct: true,
          points: 10,
          streak: 1,
          totals: { week: 10, month: 10, all: 10 },
          answerCount: 1,
        });
      });

      it('records a wrong answer with no points and a broken streak', async () => {
        const r = await round();
        await answer(r, 'U2', 'B');
        expect(await answer(r, 'U1', 'A')).toEqual({
          kind: 'recorded',
          questionId: 'q1',
          roundKind: 'daily',
          correct: false,
          points: 0,
          streak: 0,
          totals: { week: 0, month: 0, all: 0 },
          answerCount: 2,
        });
      });

      it('keeps the first answer: a duplicate reports it and changes nothing', async () => {
        const r = await round();
        await answer(r, 'U1', 'B');
        const before = await store.playerStats(scope, 'U1', { week: weekOf(0), month: monthOf(0) });
        expect(await answer(r, 'U1', 'A')).toEqual({
          kind: 'duplicate',
          questionId: 'q1',
          previousChoice: 'B',
        });
        expect(await answer(r, 'U1', 'B')).toEqual({
          kind: 'duplicate',
          questionId: 'q1',
          previousChoice: 'B',
        });
        expect(await store.tally(scope, r.id)).toEqual({ counts: { B: 1 }, total: 1 });
        expect(await store.playerStats(scope, 'U1', { week: weekOf(0), month: monthOf(0) })).toEqual(before);
      });

      it('refuses answers from closesAt on', async () => {
        const r = await round();
        expect(await answer(r, 'U1', 'B', { now: r.closesAt })).toEqual({ kind: 'closed', questionId: 'q1' });
        expect(await answer(r, 'U2', 'B', { now: r.closesAt + DAY })).toEqual({
          kind: 'closed',
          questionId: 'q1',
        });
        expect(await answer(r, 'U3', 'B', { now: r.closesAt - 1 })).toMatchObject({ kind: 'recorded' });
        expect(await store.tally(scope, r.id)).toEqual({ counts: { B: 1 }, total: 1 });
      });

      it('refuses answers once the round is closed, before closesAt too, and before the duplicate check', async () => {
        const r = await round();
        await answer(r, 'U1', 'A');
        await store.claimClose(scope, r.id, r.openedAt + HOUR, 60_000);
        expect(await answer(r, 'U2', 'B')).toEqual({ kind: 'closed', questionId: 'q1' });
        expect(await answer(r, 'U1', 'B')).toEqual({ kind: 'closed', questionId: 'q1' });
        expect(await store.tally(scope, r.id)).toEqual({ counts: { A: 1 }, total: 1 });
      });

      it('reports an unknown round, a round of another scope and an invalid choice as unknown-round', async () => {
        const r = await round();
        expect(await answer({ ...r, id: 'no-such-round' }, 'U1', 'B')).toEqual({ kind: 'unknown-round' });
        expect(await answer(r, 'U1', 'E')).toEqual({ kind: 'unknown-round' });
        expect(await answer(r, 'U1', 'Z', { now: r.closesAt + 1 })).toEqual({ kind: 'unknown-round' });
        const other = await store.recordAnswer({
          scope: `slack:T-${randomUUID()}`,
          roundId: r.id,
          player: { id: 'U1', displayName: 'one' },
          choice: 'B',
          now: r.openedAt + HOUR,
          pointsByStreak: POINTS_BY_STREAK,
          periods: periodBuckets(r.openedAt + HOUR, TZ),
        });
        expect(other).toEqual({ kind: 'unknown-round' });
        expect(await store.tally(scope, r.id)).toEqual({ counts: {}, total: 0 });
      });

      it('records exactly one of 50 concurrent answers of one player', async () => {
        const r = await round();
        const choices = ['A', 'B', 'C', 'D'];
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) => answer(r, 'U1', choices[i % choices.length] ?? 'A')),
        );
        const recorded = results.filter((x) => x.kind === 'recorded');
        const duplicates = results.filter((x) => x.kind === 'duplicate');
        expect(recorded).toHaveLength(1);
        expect(duplicates).toHaveLength(49);
        const tally = await store.tally(scope, r.id);
        expect(tally.total).toBe(1);
        const [chosen] = Object.keys(tally.counts);
        expect(tally.counts).toEqual({ [chosen ?? '?']: 1 });
        for (const d of duplicates)
          expect(d).toEqual({ kind: 'duplicate', questionId: 'q1', previousChoice: chosen });
        const board = await store.leaderboard({ scope, period: 'all', periodKey: 'all', limit: 10 });
        expect(board.entries.map((e) => e.points)).toEqual(chosen === 'B' ? [10] : []);
      });
    });

    describe('scoring and streaks', () => {
      it('adds a point per streak day, up to the cap', async () => {
        const results: RecordAnswerResult[] = [];
        for (let day = 0; day < 7; day++) results.push(await answer(await daily(day), 'U1', 'B'));
        expect(pointsOf(results)).toEqual([10, 11, 12, 13, 14, 15, 15]);
        expect(results.map((r) => (r.kind === 'recorded' ? r.streak : -1))).toEqual([1, 2, 3, 4, 5, 6, 7]);
        expect(results.at(-1)).toMatchObject({ totals: { week: 90, month: 90, all: 90 } });
      });

      it('scores from the table it is given', async () => {
        const results: RecordAnswerResult[] = [];
        for (let day = 0; day < 3; day++) {
          results.push(await answer(await daily(day), 'U1', 'B', { pointsByStreak: [1, 2] }));
        }
        expect(pointsOf(results)).toEqual([1, 2, 2]);
      });

      it('resets the streak on a wrong answer', async () => {
        const results: RecordAnswerResult[] = [];
        for (const [day, choice] of ['B', 'B', 'A', 'B'].entries()) {
          results.push(await answer(await daily(day), 'U1', choice));
        }
        expect(pointsOf(results)).toEqual([10, 11, 0, 10]);
        expect(results.map((r) => (r.kind === 'recorded' ? r.streak : -1))).toEqual([1, 2, 0, 1]);
      });

      it('resets the streak after a missed round', async () => {
        const first = await answer(await daily(0), 'U1', 'B');
        await daily(1);
        const third = await answer(await daily(2), 'U1', 'B');
        expect(pointsOf([first, third])).toEqual([10, 10]);
        expect(third).toMatchObject({ streak: 1 });
      });

      it('continues a streak only in the same channel', async () => {
        const a1 = await answer(await daily(0, 'C1'), 'U1', 'B');
        const b1 = await answer(await daily(1, 'C2'), 'U1', 'B');
        const a2 = await answer(await daily(2, 'C1'), 'U1', 'B');
        expect(pointsOf([a1, b1, a2])).toEqual([10, 10, 10]);
        expect(a2).toMatchObject({ streak: 1 });
      });

      it('scores nothing for practice and leaves streak, stats and boards alone', async () => {
        await answer(await daily(0), 'U1', 'B');
        const right = await answer(await practice('U1'), 'U1', 'B');
        expect(right).toEqual({
          kind: 'recorded',
          questionId: 'q1',
          roundKind: 'practice',
          correct: true,
          points: 0,
          streak: 1,
          totals: { week: 10, month: 10, all: 10 },
          answerCount: 1,
        });
        expect(await answer(await practice('U1'), 'U1', 'A')).toMatchObject({
          correct: false,
          points: 0,
          streak: 1,
        });
        const stats = await store.playerStats(scope, 'U1', { week: weekOf(0), month: monthOf(0) });
        expect(stats).toMatchObject({
          answered: 1,
          correct: 1,
          streak: 1,
          points: { week: 10, month: 10, all: 10 },
        });
        expect(await answer(await daily(1), 'U1', 'B')).toMatchObject({ points: 11, streak: 2 });
      });

      it('does not put a practice-only player on any board', async () => {
        await answer(await practice('U7'), 'U7', 'B');
        const stats = await store.playerStats(scope, 'U7', { week: weekOf(0), month: monthOf(0) });
        expect(stats).toMatchObject({
          displayName: null,
          answered: 0,
          points: { all: 0 },
          rank: { all: null },
        });
        const board = await store.leaderboard({
          scope,
          period: 'all',
          periodKey: 'all',
          limit: 10,
          viewerId: 'U7',
        });
        expect(board).toEqual({ period: 'all', periodKey: 'all', entries: [], viewer: null });
      });

      it('adds up totals per week, month and all time', async () => {
        await answer(await daily(0), 'U1', 'B');
        await answer(await daily(7), 'U1', 'B');
        const feb = await answer(await daily(28), 'U1', 'B');
        expect(weekOf(0)).not.toBe(weekOf(7));
        expect(monthOf(0)).not.toBe(monthOf(28));
        expect(feb).toMatchObject({ points: 12, totals: { week: 12, month: 12, all: 33 } });
      });
    });

    describe('tally', () => {
      it('counts votes per choice and answers in total', async () => {
        const r = await round();
        await answer(r, 'U1', 'A');
        await answer(r, 'U2', 'A');
        await answer(r, 'U3', 'B');
        expect(await store.tally(scope, r.id)).toEqual({ counts: { A: 2, B: 1 }, total: 3 });
        const p = await practice('U1');
        await answer(p, 'U1', 'C');
        expect(await store.tally(scope, p.id)).toEqual({ counts: { C: 1 }, total: 1 });
        expect(await store.tally(scope, 'no-such-round')).toEqual({ counts: {}, total: 0 });
      });
    });

    describe('closing rounds', () => {
      it('lists unrevealed daily rounds past closesAt, oldest first, up to the limit', async () => {
        const at = (h: number) => ({ openedAt: T0, closesAt: T0 + h * HOUR });
        const c = await round(at(3));
        const a = await round({ ...at(1), channelId: 'C2' });
        const b = await round(at(2));
        await round(at(10));
        await practice('U1', at(1));
        const ref = (r: Round) => ({ scope, roundId: r.id });
        expect(await store.dueRounds(T0 + 5 * HOUR, 10)).toEqual([ref(a), ref(b), ref(c)]);
        expect(await store.dueRounds(T0 + 5 * HOUR, 2)).toEqual([ref(a), ref(b)]);
        expect(await store.dueRounds(T0 + 2 * HOUR, 10)).toEqual([ref(a), ref(b)]);
        expect(await store.dueRounds(T0, 10)).toEqual([]);
        await store.claimClose(scope, a.id, T0 + 5 * HOUR, 60_000);
        expect(await store.dueRounds(T0 + 5 * HOUR, 10)).toEqual([ref(a), ref(b), ref(c)]);
        await store.markRevealed(scope, b.id);
        expect(await store.dueRounds(T0 + 5 * HOUR, 10)).toEqual([ref(a), ref(c)]);
      });

      it('orders due rounds closing at the same time by id, in binary order', async () => {
        const base = `r-${randomUUID()}`;
        const lower = await round({ id: `${base}-a` });
        const upper = await round({ id: `${base}-B` });
        const refs = await store.dueRounds(lower.closesAt, 10);
        expect(refs.map((r) => r.roundId)).toEqual([upper.id, lower.id]);
      });

      it('lets one caller claim the close at a time, again after the lease, never after the reveal', async () => {
        const r = await round();
        await answer(r, 'U1', 'A');
        await answer(r, 'U2', 'A');
        await answer(r, 'U3', 'B');
        const now = r.closesAt;
        expect(await store.claimClose(scope, r.id, now, 60_000)).toEqual({
          kind: 'claimed',
          round: { ...r, status: 'closed' },
          tally: { counts: { A: 2, B: 1 }, total: 3 },
        });
        expect(await store.claimClose(scope, r.id, now + 1000, 60_000)).toEqual({ kind: 'busy' });
        expect(await store.claimClose(scope, r.id, now + 59_999, 60_000)).toEqual({ kind: 'busy' });
        expect(await store.claimClose(scope, r.id, now + 60_000, 60_000)).toMatchObject({ kind: 'claimed' });
        await store.markRevealed(scope, r.id);
        expect(await store.claimClose(scope, r.id, now + DAY, 60_000)).toEqual({ kind: 'already-revealed' });
        expect(await store.getRound(scope, r.id)).toEqual({ ...r, status: 'closed' });
      });

      it('gives exactly one of several concurrent claimers the close', async () => {
        const r = await round();
        const results = await Promise.all(
          Array.from({ length: 10 }, () => store.claimClose(scope, r.id, r.closesAt, 60_000)),
        );
        expect(results.filter((x) => x.kind === 'claimed')).toHaveLength(1);
        expect(results.filter((x) => x.kind === 'busy')).toHaveLength(9);
      });

      it('may close a round early, and reports unknown rounds', async () => {
        const r = await round();
        expect(await store.claimClose(scope, r.id, r.openedAt, 1000)).toMatchObject({ kind: 'claimed' });
        expect(await answer(r, 'U1', 'B')).toEqual({ kind: 'closed', questionId: 'q1' });
        expect(await store.claimClose(scope, 'no-such-round', T0, 1000)).toEqual({ kind: 'unknown-round' });
        await store.markRevealed(scope, 'no-such-round');
        expect(await store.getRound(scope, 'no-such-round')).toBeNull();
      });
    });

    describe('question rotation', () => {
      it('remembers asked questions per channel until a new cycle starts', async () => {
        expect(await store.askedQuestions(channel('C1'))).toEqual([]);
        await store.markAsked(channel('C1'), 'q1', false);
        await store.markAsked(channel('C1'), 'q2', false);
        await store.markAsked(channel('C1'), 'q2', false);
        await store.markAsked(channel('C2'), 'q9', false);
        expect((await store.askedQuestions(channel('C1'))).sort()).toEqual(['q1', 'q2']);
        await store.markAsked(channel('C1'), 'q3', true);
        expect(await store.askedQuestions(channel('C1'))).toEqual(['q3']);
        expect(await store.askedQuestions(channel('C2'))).toEqual(['q9']);
        expect(await store.askedQuestions({ scope: `slack:T-${randomUUID()}`, channelId: 'C1' })).toEqual([]);
      });
    });

    describe('leaderboard', () => {
      it('orders by points and shares ranks between equal scores (1, 2, 2, 4)', async () => {
        await award('U-a', 30);
        await award('U-b', 20);
        await award('U-c', 20);
        await award('U-d', 10);
        const board = await store.leaderboard({ scope, period: 'week', periodKey: weekOf(0), limit: 10 });
        expect(board).toEqual({
          period: 'week',
          periodKey: weekOf(0),
          // Equal scores come in reverse member order, as Redis ZRANGE ... REV gives them.
          entries: [
            { rank: 1, playerId: 'U-a', displayName: 'name-U-a', points: 30 },
            { rank: 2, playerId: 'U-c', displayName: 'name-U-c', points: 20 },
            { rank: 2, playerId: 'U-b', displayName: 'name-U-b', points: 20 },
            { rank: 4, playerId: 'U-d', displayName: 'name-U-d', points: 10 },
          ],
          viewer: null,
        });
      });

      it('cuts at the limit and still places the viewer, outside the top too', async () => {
        for (const [i, points] of [50, 40, 30, 30, 10].entries()) await award(`U${i + 1}`, points);
        const query = { scope, period: 'all' as const, periodKey: 'all', limit: 2 };
        const board = await store.leaderboard({ ...query, viewerId: 'U5' });
        expect(board.entries.map((e) => e.playerId)).toEqual(['U1', 'U2']);
        expect(board.viewer).toEqual({ rank: 5, playerId: 'U5', displayName: 'name-U5', points: 10 });
        expect((await store.leaderboard({ ...query, viewerId: 'U3' })).viewer).toMatchObject({
          rank: 3,
          points: 30,
        });
        expect((await store.leaderboard({ ...query, viewerId: 'U4' })).viewer).toMatchObject({
          rank: 3,
          points: 30,
        });
        expect((await store.leaderboard({ ...query, viewerId: 'U2' })).viewer).toEqual(board.entries[1]);
        expect((await store.leaderboard({ ...query, viewerId: 'U-none' })).viewer).toBeNull();
        expect((await store.leaderboard({ ...query, limit: 0 })).entries).toEqual([]);
      });

      it('keeps week, month and all-time boards apart', async () => {
        await award('U1', 20, 0);
        await award('U2', 30, 7);
        await award('U3', 40, 28);
        const ids = async (period: 'week' | 'month' | 'all', periodKey: string) =>
          (await store.leaderboard({ scope, period, periodKey, limit: 10 })).entries.map((e) => e.playerId);
        expect(await ids('week', weekOf(0))).toEqual(['U1']);
        expect(await ids('week', weekOf(7))).toEqual(['U2']);
        expect(await ids('month', monthOf(0))).toEqual(['U2', 'U1']);
        expect(await ids('month', monthOf(28))).toEqual(['U3']);
        expect(await ids('all', 'all')).toEqual(['U3', 'U2', 'U1']);
        expect(await ids('week', '2031-W01')).toEqual([]);
        const all = await store.leaderboard({ scope, period: 'all', periodKey: 'ignored', limit: 1 });
        expect(all.periodKey).toBe('all');
        const other = `slack:T-${randomUUID()}`;
        expect(
          (await store.leaderboard({ scope: other, period: 'all', periodKey: 'all', limit: 10 })).entries,
        ).toEqual([]);
      });

      it('shows the name from the latest daily answer', async () => {
        await award('U1', 10, 0, 'Old Name');
        await award('U1', 10, 1, 'New Name');
        const board = await store.leaderboard({ scope, period: 'all', periodKey: 'all', limit: 10 });
        expect(board.entries).toEqual([{ rank: 1, playerId: 'U1', displayName: 'New Name', points: 20 }]);
      });
    });

    describe('teams', () => {
      it('creates a team on first join and adds later joiners', async () => {
        expect(await store.joinTeam(scope, 'U1', 'ml ops', 'ML Ops')).toEqual({
          kind: 'joined',
          team: { id: 'ml ops', name: 'ML Ops', memberCount: 1 },
          created: true,
          left: null,
        });
        expect(await store.joinTeam(scope, 'U2', 'ml ops', 'ml ops')).toEqual({
          kind: 'joined',
          team: { id: 'ml ops', name: 'ML Ops', memberCount: 2 },
          created: false,
          left: null,
        });
        expect(await store.joinTeam(scope, 'U1', 'ml ops', 'ML OPS')).toEqual({
          kind: 'already-member',
          team: { id: 'ml ops', name: 'ML Ops', memberCount: 2 },
        });
      });

      it('moves a player who joins another team and lets players leave', async () => {
        await store.joinTeam(scope, 'U1', 'alpha', 'Alpha');
        await store.joinTeam(scope, 'U2', 'alpha', 'Alpha');
        expect(await store.joinTeam(scope, 'U1', 'beta', 'Beta')).toEqual({
          kind: 'joined',
          team: { id: 'beta', name: 'Beta', memberCount: 1 },
          created: true,
          left: { id: 'alpha', name: 'Alpha', memberCount: 1 },
        });
        expect(await store.teamOf(scope, 'U1')).toEqual({ id: 'beta', name: 'Beta', memberCount: 1 });
        expect(await store.leaveTeam(scope, 'U2')).toEqual({
          kind: 'left',
          team: { id: 'alpha', name: 'Alpha', memberCount: 0 },
        });
        expect(await store.leaveTeam(scope, 'U2')).toEqual({ kind: 'not-in-team' });
        expect(await store.teamOf(scope, 'U2')).toBeNull();
        expect(await store.teamOf(scope, 'U-none')).toBeNull();
        // A team everyone left is founded anew, under the new founder's spelling.
        expect(await store.joinTeam(scope, 'U3', 'alpha', 'ALPHA')).toMatchObject({
          created: true,
          team: { id: 'alpha', name: 'ALPHA', memberCount: 1 },
        });
      });

      it('lists teams with members, largest first', async () => {
        await store.joinTeam(scope, 'U1', 'c', 'C');
        await store.joinTeam(scope, 'U2', 'b', 'B');
        await store.joinTeam(scope, 'U3', 'b', 'B');
        await store.joinTeam(scope, 'U4', 'a', 'A');
        await store.joinTeam(scope, 'U5', 'd', 'D');
        await store.leaveTeam(scope, 'U5');
        expect(await store.listTeams(scope)).toEqual([
          { id: 'b', name: 'B', memberCount: 2 },
          { id: 'a', name: 'A', memberCount: 1 },
          { id: 'c', name: 'C', memberCount: 1 },
        ]);
        expect(await store.listTeams(`slack:T-${randomUUID()}`)).toEqual([]);
      });
    });

    describe('team leaderboard', () => {
      const join = (playerId: string, teamId: string) =>
        store.joinTeam(scope, playerId, teamId, teamId.toUpperCase());

      it('ranks by average per scoring member, ties by total, and counts members', async () => {
        for (const [player, team] of [
          ['U1', 'alpha'],
          ['U2', 'alpha'],
          ['U3', 'alpha'],
          ['U4', 'beta'],
          ['U5', 'gamma'],
          ['U6', 'delta'],
          ['U7', 'delta'],
          ['U8', 'epsilon'],
          ['U9', 'zeta'],
        ] as const) {
          await join(player, team);
        }
        await award('U1', 20);
        await award('U1', 10);
        await award('U2', 10);
        await award('U4', 20);
        await award('U5', 25);
        await award('U6', 10);
        await award('U7', 10);
        await award('U8', 20);
        const board = await store.teamLeaderboard({ scope, period: 'week', periodKey: weekOf(0), limit: 10 });
        const row = (rank: number, teamId: string, memberCount: number, scorers: number, total: number) => ({
          rank,
          teamId,
          name: teamId.toUpperCase(),
          memberCount,
          scorers,
          total,
          average: total / scorers,
        });
        expect(board).toEqual({
          period: 'week',
          periodKey: weekOf(0),
          entries: [
            row(1, 'gamma', 1, 1, 25),
            row(2, 'alpha', 3, 2, 40),
            row(3, 'beta', 1, 1, 20),
            row(3, 'epsilon', 1, 1, 20),
            row(5, 'delta', 2, 2, 20),
          ],
        });
        const top = await store.teamLeaderboard({ scope, period: 'all', periodKey: 'x', limit: 2 });
        expect(top.periodKey).toBe('all');
        expect(top.entries.map((e) => e.teamId)).toEqual(['gamma', 'alpha']);
      });

      it('credits the team at answer time only, and keeps period buckets apart', async () => {
        await award('U1', 10, 0);
        await join('U1', 'alpha');
        await award('U1', 20, 0);
        await join('U1', 'beta');
        await award('U1', 5, 7);
        const entries = async (period: 'week' | 'all', periodKey: string) =>
          (await store.teamLeaderboard({ scope, period, periodKey, limit: 10 })).entries;
        expect(await entries('week', weekOf(0))).toEqual([
          { rank: 1, teamId: 'alpha', name: 'ALPHA', memberCount: 0, scorers: 1, total: 20, average: 20 },
        ]);
        expect(await entries('week', weekOf(7))).toEqual([
          { rank: 1, teamId: 'beta', name: 'BETA', memberCount: 1, scorers: 1, total: 5, average: 5 },
        ]);
        expect((await entries('all', 'all')).map((e) => [e.teamId, e.total])).toEqual([
          ['alpha', 20],
          ['beta', 5],
        ]);
      });
    });

    describe('playerStats', () => {
      it('reports points, ranks, streaks, counts per domain and team', async () => {
        await store.joinTeam(scope, 'U1', 'alpha', 'Alpha');
        await answer(await daily(0, 'C1', { domain: 'd1' }), 'U1', 'B');
        await answer(await daily(1, 'C1', { domain: 'd2' }), 'U1', 'B');
        await answer(await daily(2, 'C1', { domain: 'd1' }), 'U1', 'A');
        await answer(await daily(3, 'C1', { domain: 'd1' }), 'U1', 'B', { name: 'Uno' });
        await award('U2', 100);
        await award('U3', 31);
        expect(await store.playerStats(scope, 'U1', { week: weekOf(0), month: monthOf(0) })).toEqual({
          playerId: 'U1',
          displayName: 'Uno',
          points: { week: 31, month: 31, all: 31 },
          rank: { week: 2, month: 2, all: 2 },
          streak: 1,
          bestStreak: 2,
          answered: 4,
          correct: 3,
          perDomain: { d1: { answered: 3, correct: 2 }, d2: { answered: 1, correct: 1 } },
          team: { id: 'alpha', name: 'Alpha', memberCount: 1 },
        });
        const nextWeek = await store.playerStats(scope, 'U1', { week: weekOf(7), month: monthOf(0) });
        expect(nextWeek).toMatchObject({
          points: { week: 0, month: 31, all: 31 },
          rank: { week: null, month: 2 },
        });
      });

      it('reports an unknown player as empty', async () => {
        expect(await store.playerStats(scope, 'U-none', { week: weekOf(0), month: monthOf(0) })).toEqual({
          playerId: 'U-none',
          displayName: null,
          points: { week: 0, month: 0, all: 0 },
          rank: { week: null, month: null, all: null },
          streak: 0,
          bestStreak: 0,
          answered: 0,
          correct: 0,
          perDomain: {},
          team: null,
        });
      });

      it('shows a streak as live while it can go on, and as broken once a round closed unanswered', async () => {
        const periods = { week: weekOf(0), month: monthOf(0) };
        await answer(await daily(0), 'U1', 'B');
        await answer(await daily(1), 'U1', 'B');
        expect(await store.playerStats(scope, 'U1', periods)).toMatchObject({ streak: 2, bestStreak: 2 });
        const next = await daily(2);
        expect(await store.playerStats(scope, 'U1', periods)).toMatchObject({ streak: 2, bestStreak: 2 });
        await store.claimClose(scope, next.id, next.closesAt, 60_000);
        expect(await store.playerStats(scope, 'U1', periods)).toMatchObject({ streak: 0, bestStreak: 2 });
      });
    });

    describe('preferences', () => {
      it('stores a locale per user and scope', async () => {
        expect(await store.userLocale(scope, 'U1')).toBeNull();
        await store.setUserLocale(scope, 'U1', 'en');
        expect(await store.userLocale(scope, 'U1')).toBe('en');
        await store.setUserLocale(scope, 'U1', 'ja');
        expect(await store.userLocale(scope, 'U1')).toBe('ja');
        expect(await store.userLocale(scope, 'U2')).toBeNull();
        expect(await store.userLocale(`slack:T-${randomUUID()}`, 'U1')).toBeNull();
      });
    });
  });
}
