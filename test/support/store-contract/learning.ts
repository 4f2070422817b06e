import { beforeEach, describe, expect, it } from 'vitest';
import type { ScopeId } from '../../../src/core/model/model.js';
import { REVIEW_LOG_LIMIT } from '../../../src/core/ports/learning-store.js';
import type { QuizStore } from '../../../src/core/ports/quiz-store.js';
import { type ContractFixtures, DAY, HOUR, T0 } from './fixtures.js';

/** The learning data: review logs and item counters written by the answer itself, and reports. */
export function describeLearning(fx: ContractFixtures): void {
  const { round, daily, practice, answer } = fx;

  describe('review log and item counters (written by recordAnswer)', () => {
    let store: QuizStore;
    let scope: ScopeId;
    beforeEach(() => {
      ({ store, scope } = fx.current());
    });

    it("appends every recorded answer to the player's log, oldest first, but not a duplicate", async () => {
      const d = await daily(0, 'C1', { questionId: 'q1', domain: 'd1' });
      const p = await practice('U1', { questionId: 'q2', domain: 'd2' });
      const r = await round({ kind: 'review', ownerId: 'U1', questionId: 'q1', domain: 'd1' });
      await answer(d, 'U1', 'A', { now: T0 + HOUR });
      await answer(d, 'U1', 'B', { now: T0 + 2 * HOUR }); // duplicate: not logged
      await answer(p, 'U1', 'B', { now: T0 + 3 * HOUR });
      await answer(r, 'U1', 'B', { now: T0 + 4 * HOUR });
      await answer(d, 'U2', 'B', { now: T0 + 5 * HOUR });
      expect(await store.reviewLog(scope, 'U1')).toEqual([
        { at: T0 + HOUR, questionId: 'q1', domain: 'd1', roundKind: 'daily', correct: false, guessed: false },
        {
          at: T0 + 3 * HOUR,
          questionId: 'q2',
          domain: 'd2',
          roundKind: 'practice',
          correct: true,
          guessed: false,
        },
        {
          at: T0 + 4 * HOUR,
          questionId: 'q1',
          domain: 'd1',
          roundKind: 'review',
          correct: true,
          guessed: false,
        },
      ]);
      expect(await store.reviewLog(scope, 'U3')).toEqual([]);
    });

    it('marks the latest answer to a question as guessed only when it was right, and only once', async () => {
      const wrong = await daily(0, 'C1', { questionId: 'q1' });
      await answer(wrong, 'U1', 'A');
      expect(await store.markGuessed(scope, 'U1', 'q1', T0 + 2 * HOUR)).toBe(false);
      const right = await practice('U1', { questionId: 'q1' });
      await answer(right, 'U1', 'B', { now: T0 + 3 * HOUR });
      expect(await store.markGuessed(scope, 'U1', 'q1', T0 + 3 * HOUR)).toBe(true);
      expect(await store.markGuessed(scope, 'U1', 'q1', T0 + 3 * HOUR)).toBe(false);
      expect((await store.reviewLog(scope, 'U1')).map((e) => [e.correct, e.guessed])).toEqual([
        [false, false],
        [true, true],
      ]);
      expect(await store.markGuessed(scope, 'U1', 'q-never', T0)).toBe(false);
    });

    it(`keeps the newest ${REVIEW_LOG_LIMIT} answers of a long log, the guessed mark included`, async () => {
      // Past the limit FSRS and readiness read only this window: the oldest must go, not the newest.
      const total = REVIEW_LOG_LIMIT + 3;
      const rounds = await Promise.all(
        Array.from({ length: total }, (_, i) => practice('U1', { questionId: `q${i}`, domain: 'd1' })),
      );
      for (const [i, r] of rounds.entries()) await answer(r, 'U1', 'B', { now: T0 + i * 1000 });
      let log = await store.reviewLog(scope, 'U1');
      expect(log).toHaveLength(REVIEW_LOG_LIMIT);
      expect(log[0]?.questionId).toBe('q3');
      expect(log.at(-1)?.questionId).toBe(`q${total - 1}`);
      expect(await store.markGuessed(scope, 'U1', `q${total - 1}`, T0 + total * 1000)).toBe(true);
      log = await store.reviewLog(scope, 'U1');
      // Redis keeps the mark as an entry of its own (folded into its answer when read): one answer fewer fits.
      expect(log.length).toBeGreaterThanOrEqual(REVIEW_LOG_LIMIT - 1);
      expect(log.length).toBeLessThanOrEqual(REVIEW_LOG_LIMIT);
      const newest = Array.from({ length: log.length }, (_, i) => `q${total - log.length + i}`);
      expect(log.map((e) => e.questionId)).toEqual(newest);
      expect(log.at(-1)).toMatchObject({ questionId: `q${total - 1}`, correct: true, guessed: true });
    });

    it('counts first answers per question version, each picked key, right ones apart', async () => {
      const v1 = { questionId: 'q1', questionVersion: 'v1' };
      const a = await daily(0, 'C1', v1);
      const b = await daily(1, 'C1', v1);
      await answer(a, 'U1', 'B');
      await answer(a, 'U2', 'A');
      await answer(b, 'U1', 'C', { now: T0 + DAY + HOUR }); // U1's second answer to v1: not counted
      await answer(b, 'U3', 'B', { now: T0 + DAY + HOUR });
      const v2 = await practice('U1', { questionId: 'q1', questionVersion: 'v2' });
      await answer(v2, 'U1', 'D'); // a rewritten question starts afresh
      // A multiple-select answer is one choice value of comma-separated keys; each key is counted.
      const multi = await round({
        questionId: 'q9',
        questionVersion: 'm1',
        choiceKeys: ['A', 'B', 'C', 'D'],
        answerKey: 'A,C',
      });
      await answer(multi, 'U1', 'A,C');
      await round({ questionId: 'q-old' }).then((old) => answer(old, 'U1', 'B')); // no version: no counters
      const counters = await store.itemCounters(scope);
      const byItem = Object.fromEntries(counters.map((c) => [`${c.questionId}@${c.version}`, c]));
      expect(Object.keys(byItem).sort()).toEqual(['q1@v1', 'q1@v2', 'q9@m1']);
      expect(byItem['q1@v1']).toEqual({
        questionId: 'q1',
        version: 'v1',
        answered: 3,
        right: 2,
        options: { A: 1, B: 2 },
      });
      expect(byItem['q1@v2']).toMatchObject({ answered: 1, right: 0, options: { D: 1 } });
      expect(byItem['q9@m1']).toMatchObject({ answered: 1, right: 1, options: { A: 1, C: 1 } });
      const responses = (await store.itemResponses(scope))
        .map((r) => `${r.questionId}@${r.version} ${r.playerId} ${r.correct}`)
        .sort();
      expect(responses).toEqual([
        'q1@v1 U1 true',
        'q1@v1 U2 false',
        'q1@v1 U3 true',
        'q1@v2 U1 false',
        'q9@m1 U1 true',
      ]);
      // Both at once, from one read: the same rows.
      const both = await store.itemData(scope);
      const sortedCounters = (list: typeof counters) =>
        [...list].sort((x, y) =>
          `${x.questionId}@${x.version}`.localeCompare(`${y.questionId}@${y.version}`),
        );
      expect(sortedCounters(both.counters)).toEqual(sortedCounters(counters));
      expect(
        both.responses.map((r) => `${r.questionId}@${r.version} ${r.playerId} ${r.correct}`).sort(),
      ).toEqual(responses);
    });

    it('keeps review on by default and remembers off and on per player', async () => {
      expect(await store.reviewEnabled(scope, 'U1')).toBe(true);
      await store.setReviewEnabled(scope, 'U1', false);
      expect(await store.reviewEnabled(scope, 'U1')).toBe(false);
      expect(await store.reviewEnabled(scope, 'U2')).toBe(true);
      await store.setReviewEnabled(scope, 'U1', true);
      expect(await store.reviewEnabled(scope, 'U1')).toBe(true);
    });

    it('keeps an exam date per player and per scope, replaces it, and clears it', async () => {
      const other: ScopeId = `${scope}-other`;
      expect(await store.examDate(scope, 'U1')).toBeNull();
      await store.setExamDate(scope, 'U1', '2030-03-01');
      await store.setExamDate(scope, 'U2', '2030-04-15');
      expect(await store.examDate(scope, 'U1')).toBe('2030-03-01');
      expect(await store.examDate(scope, 'U2')).toBe('2030-04-15');
      expect(await store.examDate(other, 'U1')).toBeNull();
      await store.setExamDate(scope, 'U1', '2030-02-20');
      expect(await store.examDate(scope, 'U1')).toBe('2030-02-20');
      await store.setExamDate(scope, 'U1', null);
      expect(await store.examDate(scope, 'U1')).toBeNull();
      expect(await store.examDate(scope, 'U2')).toBe('2030-04-15');
    });

    it('lists the members of a team', async () => {
      await store.joinTeam(scope, 'U1', 'owls', 'Owls');
      await store.joinTeam(scope, 'U2', 'owls', 'Owls');
      await store.joinTeam(scope, 'U3', 'larks', 'Larks');
      await store.joinTeam(scope, 'U2', 'larks', 'Larks');
      expect((await store.teamMembers(scope, 'owls')).sort()).toEqual(['U1']);
      expect((await store.teamMembers(scope, 'larks')).sort()).toEqual(['U2', 'U3']);
    });
  });

  describe('question reports', () => {
    let store: QuizStore;
    let scope: ScopeId;
    beforeEach(() => {
      ({ store, scope } = fx.current());
    });
    const report = (playerId: string, questionId = 'q1', at = T0) => ({
      questionId,
      playerId,
      reason: 'ambiguous' as const,
      text: `from ${playerId}`,
      at,
    });

    it('keeps one open report per player and suspends at the third different reporter', async () => {
      expect(await store.fileReport(scope, report('U1', 'q1', T0 + 1), 3)).toEqual({
        kind: 'filed',
        reporters: 1,
        suspended: false,
      });
      expect(await store.fileReport(scope, report('U1', 'q1', T0 + 2), 3)).toEqual({ kind: 'duplicate' });
      expect(await store.fileReport(scope, report('U2', 'q1', T0 + 3), 3)).toMatchObject({ reporters: 2 });
      expect(await store.suspendedQuestions(scope)).toEqual([]);
      expect(await store.fileReport(scope, report('U3', 'q1', T0 + 4), 3)).toEqual({
        kind: 'filed',
        reporters: 3,
        suspended: true,
      });
      expect(await store.suspendedQuestions(scope)).toEqual(['q1']);
      expect(await store.suspendedQuestions(`${scope}-other`)).toEqual([]); // per workspace
      expect((await store.openReports(scope)).map((r) => [r.playerId, r.text])).toEqual([
        ['U1', 'from U1'],
        ['U2', 'from U2'],
        ['U3', 'from U3'],
      ]);
    });

    it('dismisses the open reports of a question without lifting a suspension; restore lifts it', async () => {
      for (const p of ['U1', 'U2', 'U3']) await store.fileReport(scope, report(p), 3);
      await store.fileReport(scope, report('U1', 'q2'), 3);
      expect(await store.dismissReports(scope, 'q1')).toBe(3);
      expect(await store.dismissReports(scope, 'q1')).toBe(0);
      expect((await store.openReports(scope)).map((r) => r.questionId)).toEqual(['q2']);
      expect(await store.suspendedQuestions(scope)).toEqual(['q1']);
      expect(await store.restoreQuestion(scope, 'q1')).toBe(true);
      expect(await store.restoreQuestion(scope, 'q1')).toBe(false);
      expect(await store.suspendedQuestions(scope)).toEqual([]);
      // After a restore a player may report again, and it takes three again to suspend.
      expect(await store.fileReport(scope, report('U1'), 3)).toMatchObject({
        reporters: 1,
        suspended: false,
      });
    });
  });
}
