import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ScopeId } from '../../../src/core/model/model.js';
import { periodBuckets } from '../../../src/core/model/periods.js';
import { POINTS_BY_STREAK } from '../../../src/core/model/scoring.js';
import type { QuizStore } from '../../../src/core/ports/quiz-store.js';
import { type ContractFixtures, DAY, HOUR, monthOf, TZ, weekOf } from './fixtures.js';

/** Recording an answer: judged, first one only, refused once closed, atomic under concurrency. */
export function describeAnswers(fx: ContractFixtures): void {
  const { round, answer } = fx;

  describe('recordAnswer', () => {
    let store: QuizStore;
    let scope: ScopeId;
    beforeEach(() => {
      ({ store, scope } = fx.current());
    });

    it('records a right daily answer with its points, streak, totals and answer count', async () => {
      const r = await round();
      expect(await answer(r, 'U1', 'B')).toEqual({
        kind: 'recorded',
        questionId: 'q1',
        roundKind: 'daily',
        correct: true,
        points: 10,
        streak: 1,
        totals: { week: 10, all: 10 },
        answerCount: 1,
        locale: null,
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
        totals: { week: 0, all: 0 },
        answerCount: 2,
        locale: null,
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
        locale: null,
      });
      expect(await answer(r, 'U1', 'B')).toEqual({
        kind: 'duplicate',
        questionId: 'q1',
        previousChoice: 'B',
        locale: null,
      });
      expect(await store.tally(scope, r.id)).toEqual({ counts: { B: 1 }, total: 1, right: 1 });
      expect(await store.playerStats(scope, 'U1', { week: weekOf(0), month: monthOf(0) })).toEqual(before);
    });

    it("brings the player's own language back with every outcome, read in the same step", async () => {
      const r = await round();
      await store.setUserLocale(scope, 'U1', 'en');
      await store.setUserLocale(scope, 'U2', 'ja');
      expect(await answer(r, 'U1', 'B')).toMatchObject({ kind: 'recorded', locale: 'en' });
      expect(await answer(r, 'U1', 'A')).toMatchObject({ kind: 'duplicate', locale: 'en' });
      expect(await answer(r, 'U2', 'E')).toEqual({ kind: 'unknown-round', locale: 'ja' });
      expect(await answer(r, 'U2', 'B', { now: r.closesAt })).toMatchObject({ kind: 'closed', locale: 'ja' });
      expect(await answer(r, 'U3', 'B')).toMatchObject({ kind: 'recorded', locale: null });
    });

    it('refuses answers from closesAt on', async () => {
      const r = await round();
      expect(await answer(r, 'U1', 'B', { now: r.closesAt })).toEqual({
        kind: 'closed',
        questionId: 'q1',
        locale: null,
      });
      expect(await answer(r, 'U2', 'B', { now: r.closesAt + DAY })).toEqual({
        kind: 'closed',
        questionId: 'q1',
        locale: null,
      });
      expect(await answer(r, 'U3', 'B', { now: r.closesAt - 1 })).toMatchObject({ kind: 'recorded' });
      expect(await store.tally(scope, r.id)).toEqual({ counts: { B: 1 }, total: 1, right: 1 });
    });

    it('refuses answers once the round is closed, before closesAt too, and before the duplicate check', async () => {
      const r = await round();
      await answer(r, 'U1', 'A');
      await store.claimClose(scope, r.id, r.openedAt + HOUR, 60_000);
      expect(await answer(r, 'U2', 'B')).toEqual({ kind: 'closed', questionId: 'q1', locale: null });
      expect(await answer(r, 'U1', 'B')).toEqual({ kind: 'closed', questionId: 'q1', locale: null });
      expect(await store.tally(scope, r.id)).toEqual({ counts: { A: 1 }, total: 1, right: 0 });
    });

    it('reports an unknown round, a round of another scope and an invalid choice as unknown-round', async () => {
      const r = await round();
      expect(await answer({ ...r, id: 'no-such-round' }, 'U1', 'B')).toEqual({
        kind: 'unknown-round',
        locale: null,
      });
      expect(await answer(r, 'U1', 'E')).toEqual({ kind: 'unknown-round', locale: null });
      expect(await answer(r, 'U1', 'Z', { now: r.closesAt + 1 })).toEqual({
        kind: 'unknown-round',
        locale: null,
      });
      const other = await store.recordAnswer({
        scope: `slack:T-${randomUUID()}`,
        roundId: r.id,
        player: { id: 'U1', displayName: 'one' },
        choice: 'B',
        now: r.openedAt + HOUR,
        pointsByStreak: POINTS_BY_STREAK,
        periods: periodBuckets(r.openedAt + HOUR, TZ),
      });
      expect(other).toEqual({ kind: 'unknown-round', locale: null });
      expect(await store.tally(scope, r.id)).toEqual({ counts: {}, total: 0, right: 0 });
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
        expect(d).toEqual({ kind: 'duplicate', questionId: 'q1', previousChoice: chosen, locale: null });
      const board = await store.leaderboard({ scope, period: 'all', periodKey: 'all', limit: 10 });
      expect(board.entries.map((e) => e.points)).toEqual(chosen === 'B' ? [10] : []);
    });
  });
}
