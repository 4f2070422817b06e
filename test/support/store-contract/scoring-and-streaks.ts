import { beforeEach, describe, expect, it } from 'vitest';
import type { ScopeId } from '../../../src/core/model/model.js';
import type { QuizStore, RecordAnswerResult } from '../../../src/core/ports/quiz-store.js';
import { type ContractFixtures, monthOf, weekOf } from './fixtures.js';

/** Points per streak day, what breaks a streak, practice rounds scoring nothing. */
export function describeScoringAndStreaks(fx: ContractFixtures): void {
  const { daily, practice, answer, pointsOf } = fx;

  describe('scoring and streaks', () => {
    let store: QuizStore;
    let scope: ScopeId;
    beforeEach(() => {
      ({ store, scope } = fx.current());
    });

    it('adds a point per streak day, up to the cap', async () => {
      const results: RecordAnswerResult[] = [];
      for (let day = 0; day < 7; day++) results.push(await answer(await daily(day), 'U1', 'B'));
      expect(pointsOf(results)).toEqual([10, 11, 12, 13, 14, 15, 15]);
      expect(results.map((r) => (r.kind === 'recorded' ? r.streak : -1))).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(results.at(-1)).toMatchObject({ totals: { week: 90, all: 90 } });
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
        totals: { week: 10, all: 10 },
        answerCount: 1,
        locale: null,
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
      expect(feb).toMatchObject({ points: 12, totals: { week: 12, all: 33 } });
      // The answer's feedback shows the week and all time; the month lives on the boards and the stats.
      const stats = await store.playerStats(scope, 'U1', { week: weekOf(28), month: monthOf(28) });
      expect(stats.points).toEqual({ week: 12, month: 12, all: 33 });
    });

    it("reports a wrong answer's totals from the boards it did not add to", async () => {
      await answer(await daily(0), 'U1', 'B');
      await answer(await daily(28), 'U1', 'B');
      await answer(await daily(35), 'U1', 'B');
      // A later day of the last right answer's week, in a month that holds more than that week.
      const wrong = await answer(await daily(36), 'U1', 'A');
      expect([weekOf(36), monthOf(36)]).toEqual([weekOf(35), monthOf(28)]);
      expect(weekOf(35)).not.toBe(weekOf(28));
      // Streak points 10, 11, 12 (each round follows the channel's last one): week 12, month 23, all 33.
      expect(wrong).toMatchObject({ points: 0, totals: { week: 12, all: 33 } });
    });
  });
}
