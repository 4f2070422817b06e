import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Exam, ExamResult } from '../../../src/core/model/exam.js';
import type { ScopeId } from '../../../src/core/model/model.js';
import { EXAM_HISTORY_LIMIT, type ExamSubmission } from '../../../src/core/ports/exam-store.js';
import { REVIEW_LOG_LIMIT } from '../../../src/core/ports/learning-store.js';
import type { QuizStore } from '../../../src/core/ports/quiz-store.js';
import { type ContractFixtures, HOUR, T0 } from './fixtures.js';

const MINUTE = 60_000;
const GRACE = 10_000;

/** The mock exams: one open exam per player, one-step updates, the deadline, submission once. */
export function describeExams(fx: ContractFixtures): void {
  describe('mock exams', () => {
    let store: QuizStore;
    let scope: ScopeId;
    beforeEach(() => {
      ({ store, scope } = fx.current());
    });

    const anExam = (playerId = 'U1', overrides: Partial<Exam> = {}): Exam => ({
      id: `x${randomUUID().replaceAll('-', '')}`,
      scope,
      playerId,
      form: 'sprint',
      items: [
        { questionId: 'q1', version: 'v1', domain: 'd1', choiceOrder: ['C', 'A', 'B', 'D'], answer: 'B' },
        {
          questionId: 'q2',
          version: 'v2',
          domain: 'd2',
          choiceOrder: ['A', 'B', 'C', 'D', 'E'],
          answer: 'B,D',
        },
        { questionId: 'q3', version: 'v3', domain: 'd1', choiceOrder: ['A', 'B', 'C', 'D'], answer: 'A' },
      ],
      startedAt: T0,
      deadline: T0 + 24 * MINUTE,
      answers: ['', '', ''],
      flags: [false, false, false],
      position: 0,
      status: 'open',
      submitAskedAt: 0,
      revision: 0,
      ...overrides,
    });

    const submission = (exam: Exam, result: Partial<ExamResult> = {}): ExamSubmission => ({
      scope,
      playerId: exam.playerId,
      examId: exam.id,
      revision: exam.revision,
      now: T0 + 10 * MINUTE,
      result: {
        examId: exam.id,
        form: exam.form,
        startedAt: exam.startedAt,
        submittedAt: T0 + 10 * MINUTE,
        usedMs: 10 * MINUTE,
        right: 1,
        total: 3,
        sections: [
          { domain: 'd1', right: 1, total: 2 },
          { domain: 'd2', right: 0, total: 1 },
        ],
        timedOut: false,
        questionIds: ['q1', 'q2', 'q3'],
        ...result,
      },
      log: [
        { at: T0 + 10 * MINUTE, questionId: 'q1', domain: 'd1', roundKind: 'exam', correct: true },
        { at: T0 + 10 * MINUTE, questionId: 'q2', domain: 'd2', roundKind: 'exam', correct: false },
      ],
      items: [
        { questionId: 'q1', version: 'v1', correct: true, choice: 'B' },
        { questionId: 'q2', version: 'v2', correct: false, choice: 'B,C' },
      ],
    });

    it('keeps at most one open exam per player: a second start returns the open one unchanged', async () => {
      const first = anExam();
      expect(await store.startExam(first)).toEqual({ kind: 'started', exam: first });
      const second = anExam();
      expect(await store.startExam(second)).toEqual({ kind: 'already-open', exam: first });
      expect(await store.currentExam(scope, 'U1')).toEqual(first);
      expect((await store.startExam(anExam('U2'))).kind).toBe('started');
      expect(await store.currentExam(scope, 'U3')).toBeNull();
    });

    it('records an answer, a flag and a move in one step each, bumping the revision', async () => {
      const exam = anExam();
      await store.startExam(exam);
      const answered = await store.updateExam(
        scope,
        'U1',
        exam.id,
        { position: 1, answer: { index: 0, choice: 'A' } },
        T0 + MINUTE,
        GRACE,
      );
      expect(answered).toMatchObject({
        kind: 'updated',
        exam: { answers: ['A', '', ''], position: 1, revision: 1 },
      });
      const flagged = await store.updateExam(
        scope,
        'U1',
        exam.id,
        { position: 1, toggleFlag: 1 },
        T0 + MINUTE,
        GRACE,
      );
      expect(flagged).toMatchObject({ kind: 'updated', exam: { flags: [false, true, false], revision: 2 } });
      const changed = await store.updateExam(
        scope,
        'U1',
        exam.id,
        { position: 9, answer: { index: 0, choice: 'B' } },
        T0 + MINUTE,
        GRACE,
      );
      // The position stays on the exam's questions.
      expect(changed).toMatchObject({ kind: 'updated', exam: { answers: ['B', '', ''], position: 2 } });
      const unflagged = await store.updateExam(
        scope,
        'U1',
        exam.id,
        { position: 1, toggleFlag: 1, submitAskedAt: T0 + 2 * MINUTE },
        T0 + MINUTE,
        GRACE,
      );
      expect(unflagged).toMatchObject({
        kind: 'updated',
        exam: { flags: [false, false, false], submitAskedAt: T0 + 2 * MINUTE },
      });
      expect(await store.currentExam(scope, 'U1')).toMatchObject({
        answers: ['B', '', ''],
        position: 1,
        revision: 4,
      });
    });

    it('refuses a key the question lacks or the wrong number of them, and writes nothing', async () => {
      const exam = anExam();
      await store.startExam(exam);
      const one = await store.updateExam(
        scope,
        'U1',
        exam.id,
        { position: 2, answer: { index: 1, choice: 'B' } },
        T0,
        GRACE,
      );
      expect(one).toMatchObject({ kind: 'bad-choice', picks: 2 });
      const three = await store.updateExam(
        scope,
        'U1',
        exam.id,
        { position: 2, answer: { index: 1, choice: 'A,B,D' } },
        T0,
        GRACE,
      );
      expect(three).toMatchObject({ kind: 'bad-choice', picks: 2 });
      const unknown = await store.updateExam(
        scope,
        'U1',
        exam.id,
        { position: 1, answer: { index: 0, choice: 'E' } },
        T0,
        GRACE,
      );
      expect(unknown).toMatchObject({ kind: 'bad-choice', picks: 1 });
      expect(await store.currentExam(scope, 'U1')).toMatchObject({
        answers: ['', '', ''],
        position: 0,
        revision: 0,
      });
      const two = await store.updateExam(
        scope,
        'U1',
        exam.id,
        { position: 2, answer: { index: 1, choice: 'B,D' } },
        T0,
        GRACE,
      );
      expect(two).toMatchObject({ kind: 'updated', exam: { answers: ['', 'B,D', ''] } });
    });

    it('refuses changes after the deadline plus the grace, and to an exam that is not the open one', async () => {
      const exam = anExam();
      await store.startExam(exam);
      const late = T0 + 24 * MINUTE + GRACE;
      expect(
        (
          await store.updateExam(
            scope,
            'U1',
            exam.id,
            { position: 0, answer: { index: 0, choice: 'B' } },
            late,
            GRACE,
          )
        ).kind,
      ).toBe('updated');
      const tooLate = await store.updateExam(
        scope,
        'U1',
        exam.id,
        { position: 0, answer: { index: 0, choice: 'A' } },
        late + 1,
        GRACE,
      );
      expect(tooLate).toMatchObject({ kind: 'expired', exam: { answers: ['B', '', ''] } });
      expect(await store.updateExam(scope, 'U1', 'other', { position: 0 }, T0, GRACE)).toEqual({
        kind: 'not-open',
      });
      expect(await store.updateExam(scope, 'U2', exam.id, { position: 0 }, T0, GRACE)).toEqual({
        kind: 'not-open',
      });
    });

    it('submits once, at the revision scored; then the exam is closed and the player may start another', async () => {
      const exam = anExam();
      await store.startExam(exam);
      const updated = await store.updateExam(
        scope,
        'U1',
        exam.id,
        { position: 1, answer: { index: 0, choice: 'B' } },
        T0,
        GRACE,
      );
      if (updated.kind !== 'updated') throw new Error(updated.kind);
      expect(await store.submitExam(submission(exam))).toBe('changed');
      expect(await store.submitExam(submission(updated.exam))).toBe('submitted');
      expect(await store.submitExam(submission(updated.exam))).toBe('not-open');
      expect(await store.currentExam(scope, 'U1')).toMatchObject({
        status: 'submitted',
        submittedAt: T0 + 10 * MINUTE,
      });
      expect(await store.updateExam(scope, 'U1', exam.id, { position: 0 }, T0, GRACE)).toEqual({
        kind: 'not-open',
      });
      expect((await store.examHistory(scope, 'U1')).map((r) => r.examId)).toEqual([exam.id]);
      expect((await store.startExam(anExam())).kind).toBe('started');
    });

    it('puts the answers in the review log (kind exam) and first answers of a version in the item statistics, never on boards', async () => {
      const exam = anExam();
      await store.startExam(exam);
      await store.submitExam(submission(exam));
      expect(await store.reviewLog(scope, 'U1')).toEqual([
        {
          at: T0 + 10 * MINUTE,
          questionId: 'q1',
          domain: 'd1',
          roundKind: 'exam',
          correct: true,
          guessed: false,
        },
        {
          at: T0 + 10 * MINUTE,
          questionId: 'q2',
          domain: 'd2',
          roundKind: 'exam',
          correct: false,
          guessed: false,
        },
      ]);
      const again = anExam();
      await store.startExam(again);
      await store.submitExam(submission(again));
      const items = await store.itemCounters(scope);
      expect(items.find((c) => c.questionId === 'q2')).toEqual({
        questionId: 'q2',
        version: 'v2',
        answered: 1,
        right: 0,
        options: { B: 1, C: 1 },
      });
      expect(items.find((c) => c.questionId === 'q1')).toMatchObject({ answered: 1, right: 1 });
      const stats = await store.playerStats(scope, 'U1', { week: '2030-W02', month: '2030-01' });
      expect(stats.answered).toBe(0);
      expect(stats.points.all).toBe(0);
    });

    it("keeps the rounds' answers in the review log however many exams the player takes", async () => {
      const r = await fx.daily(0, 'C1', { questionId: 'q9' });
      await fx.answer(r, 'U1', 'B', { now: T0 + HOUR });
      for (let n = 0; n < Math.ceil(REVIEW_LOG_LIMIT / 2) + 1; n++) {
        const exam = anExam();
        await store.startExam(exam);
        await store.submitExam(submission(exam));
      }
      const log = await store.reviewLog(scope, 'U1');
      expect(log.filter((e) => e.roundKind === 'daily').map((e) => e.questionId)).toEqual(['q9']);
      expect((await store.examHistory(scope, 'U1')).length).toBe(EXAM_HISTORY_LIMIT);
    });

    it('lists open exams past their deadline, oldest first, until they are submitted', async () => {
      const early = anExam('U1', { deadline: T0 + 10 * MINUTE });
      const late = anExam('U2', { deadline: T0 + 20 * MINUTE });
      const later = anExam('U3', { deadline: T0 + 40 * MINUTE });
      for (const e of [late, early, later]) await store.startExam(e);
      const refs = (await store.dueExams(T0 + 30 * MINUTE, 10)).filter((r) => r.scope === scope);
      expect(refs).toEqual([
        { scope, playerId: 'U1', examId: early.id },
        { scope, playerId: 'U2', examId: late.id },
      ]);
      await store.submitExam(submission(early));
      expect((await store.dueExams(T0 + 30 * MINUTE, 10)).filter((r) => r.scope === scope)).toEqual([
        { scope, playerId: 'U2', examId: late.id },
      ]);
    });

    it('team mock days: saved, due at their start, advanced once per step, one exam per player, public opt-ins', async () => {
      const day = {
        id: `d${randomUUID().replaceAll('-', '').slice(0, 10)}`,
        scope,
        channelId: 'C1',
        form: 'sprint' as const,
        items: anExam().items,
        startsAt: T0 + HOUR,
        windowMs: 3 * HOUR,
        status: 'scheduled' as const,
        createdBy: 'UADMIN',
      };
      await store.saveMockDay(day);
      expect(await store.mockDay(scope, day.id)).toEqual(day);
      expect(await store.mockDay(scope, 'nope')).toBeNull();
      const mine = async (now: number) => (await store.dueMockDays(now, 10)).filter((d) => d.scope === scope);
      expect(await mine(T0)).toEqual([]);
      expect(await mine(T0 + HOUR)).toEqual([{ scope, id: day.id }]);
      expect(await store.advanceMockDay(scope, day.id, 'scheduled', 'open', T0 + 5 * HOUR)).toBe(true);
      expect(await store.advanceMockDay(scope, day.id, 'scheduled', 'open', T0 + 5 * HOUR)).toBe(false);
      expect(await mine(T0 + 2 * HOUR)).toEqual([]);
      expect(await mine(T0 + 5 * HOUR)).toEqual([{ scope, id: day.id }]);
      expect((await store.mockDay(scope, day.id))?.status).toBe('open');

      expect(
        await store.joinMockDay(scope, day.id, { playerId: 'U1', examId: 'x1', name: 'Ann | A' }),
      ).toBeNull();
      expect(await store.joinMockDay(scope, day.id, { playerId: 'U1', examId: 'x2', name: 'Ann' })).toBe(
        'x1',
      );
      expect(await store.joinMockDay(scope, day.id, { playerId: 'U2', examId: 'x3', name: '' })).toBeNull();
      const players = await store.mockDayPlayers(scope, day.id);
      expect(players.sort((a, b) => a.playerId.localeCompare(b.playerId))).toEqual([
        { playerId: 'U1', examId: 'x1', name: 'Ann | A' },
        { playerId: 'U2', examId: 'x3', name: '' },
      ]);

      expect(await store.advanceMockDay(scope, day.id, 'open', 'summarized', null)).toBe(true);
      expect(await mine(T0 + 9 * HOUR)).toEqual([]);

      await store.setExamPublic(scope, 'U1', true);
      await store.setExamPublic(scope, 'U2', true);
      await store.setExamPublic(scope, 'U2', false);
      expect(await store.examPublicPlayers(scope)).toEqual(['U1']);
    });

    it('keeps the mock day an exam belongs to', async () => {
      const exam = anExam('U1', { mockDayId: 'day1' });
      await store.startExam(exam);
      expect(await store.currentExam(scope, 'U1')).toMatchObject({ mockDayId: 'day1' });
    });
  });
}
