import { describe, expect, it } from 'vitest';
import { ExamService, SUBMIT_CONFIRM_MS } from '../../../../src/core/exam/exam-service.js';
import type { Exam } from '../../../../src/core/model/exam.js';
import { anEngine } from '../../../support/engine-fixture.js';
import { examQuestions } from '../../../support/exam-bank.js';

const SCOPE = 'slack:T1';
const MINUTE = 60_000;

function setUp() {
  const fixture = anEngine({ questions: examQuestions() });
  return { ...fixture, exams: new ExamService(fixture.engine) };
}

async function started(exams: ExamService, player = 'U1'): Promise<Exam> {
  const outcome = await exams.start(SCOPE, player, 'sprint');
  if (outcome.kind !== 'question') throw new Error(outcome.kind);
  return outcome.exam;
}

const rightKeys = (exam: Exam, index: number): string[] => (exam.items[index]?.answer ?? '').split(',');

describe('ExamService', () => {
  it('starts a sprint: ten questions split by the section weights, 24 minutes, at question 1', async () => {
    const { exams, clock } = setUp();
    const exam = await started(exams);
    expect(exam.items).toHaveLength(10);
    expect(exam.items.filter((i) => i.domain === 'low-code-ai')).toHaveLength(5);
    expect(exam.deadline - exam.startedAt).toBe(24 * MINUTE);
    expect(exam.startedAt).toBe(clock.now());
    expect(exam.position).toBe(0);
  });

  it('keeps one exam per player: starting again resumes the open one at its first unanswered question', async () => {
    const { exams } = setUp();
    const exam = await started(exams);
    await exams.move(SCOPE, 'U1', exam.id, { kind: 'answer', index: 0, keys: rightKeys(exam, 0) });
    await exams.move(SCOPE, 'U1', exam.id, { kind: 'answer', index: 1, keys: rightKeys(exam, 1) });
    await exams.move(SCOPE, 'U1', exam.id, { kind: 'go', index: 7 });
    const again = await exams.start(SCOPE, 'U1', 'full');
    expect(again).toMatchObject({
      kind: 'question',
      resumed: true,
      exam: { id: exam.id, form: 'sprint', position: 2 },
    });
    const other = await started(exams, 'U2');
    expect(other.id).not.toBe(exam.id);
  });

  it('answers move on; an answer can be changed; flags toggle; no right or wrong is told', async () => {
    const { exams } = setUp();
    const exam = await started(exams);
    const first = await exams.move(SCOPE, 'U1', exam.id, { kind: 'answer', index: 0, keys: ['A'] });
    expect(first).toMatchObject({ kind: 'question', exam: { position: 1 } });
    await exams.moveTyped(SCOPE, 'U1', { kind: 'back' });
    const changed = await exams.answerCurrent(SCOPE, 'U1', ['C']);
    expect(changed).toMatchObject({ kind: 'question', exam: { position: 1 } });
    if (changed.kind !== 'question') throw new Error();
    expect(changed.exam.answers[0]).toBe('C');
    const flagged = await exams.moveTyped(SCOPE, 'U1', { kind: 'flag' });
    expect(flagged).toMatchObject({ kind: 'question', exam: { position: 1 } });
    if (flagged.kind !== 'question') throw new Error();
    expect(flagged.exam.flags[1]).toBe(true);
    expect(await exams.moveTyped(SCOPE, 'U1', { kind: 'go', number: 11 })).toMatchObject({
      kind: 'bad-position',
    });
  });

  it('a multiple-select answer needs exactly the stated count', async () => {
    const { exams } = setUp();
    const exam = await started(exams);
    const multi = exam.items.findIndex((i) => i.answer.includes(','));
    expect(multi).toBeGreaterThanOrEqual(0);
    const wrong = await exams.move(SCOPE, 'U1', exam.id, {
      kind: 'answer',
      index: multi,
      keys: ['A', 'B', 'C'],
    });
    expect(wrong).toMatchObject({ kind: 'bad-choice', picks: 2, given: 3 });
    const right = await exams.move(SCOPE, 'U1', exam.id, { kind: 'answer', index: multi, keys: ['D', 'B'] });
    if (right.kind !== 'question') throw new Error(right.kind);
    expect(right.exam.answers[multi]).toBe('B,D');
  });

  it('asks once before submitting with unanswered or flagged questions; submit again within 2 minutes confirms', async () => {
    const { exams, clock, store } = setUp();
    const exam = await started(exams);
    for (let i = 0; i < 10; i++)
      await exams.move(SCOPE, 'U1', exam.id, { kind: 'answer', index: i, keys: rightKeys(exam, i) });
    await exams.move(SCOPE, 'U1', exam.id, { kind: 'flag', index: 3 });
    expect(await exams.submit(SCOPE, 'U1')).toMatchObject({
      kind: 'confirm-submit',
      unanswered: 0,
      flagged: 1,
    });
    clock.advance(SUBMIT_CONFIRM_MS + 1);
    // Too late: it asks again.
    expect(await exams.submit(SCOPE, 'U1')).toMatchObject({ kind: 'confirm-submit' });
    clock.advance(SUBMIT_CONFIRM_MS);
    const done = await exams.submit(SCOPE, 'U1');
    expect(done).toMatchObject({
      kind: 'report',
      report: { result: { right: 10, total: 10, timedOut: false }, previous: null },
    });
    expect((await store.reviewLog(SCOPE, 'U1')).filter((e) => e.roundKind === 'exam')).toHaveLength(10);
    expect(await exams.submit(SCOPE, 'U1')).toEqual({ kind: 'no-exam' });
  });

  it('refuses answers after the deadline and scores the exam as timed out; the next exam compares with it', async () => {
    const { exams, clock } = setUp();
    const exam = await started(exams);
    await exams.move(SCOPE, 'U1', exam.id, { kind: 'answer', index: 0, keys: rightKeys(exam, 0) });
    clock.advance(24 * MINUTE + 5_000);
    // Within the grace: still taken.
    expect(
      (await exams.move(SCOPE, 'U1', exam.id, { kind: 'answer', index: 1, keys: rightKeys(exam, 1) })).kind,
    ).toBe('question');
    clock.advance(10_000);
    const late = await exams.move(SCOPE, 'U1', exam.id, {
      kind: 'answer',
      index: 2,
      keys: rightKeys(exam, 2),
    });
    expect(late).toMatchObject({
      kind: 'report',
      report: { result: { right: 2, timedOut: true, usedMs: 24 * MINUTE } },
    });
    const next = await started(exams);
    for (let i = 0; i < 10; i++)
      await exams.move(SCOPE, 'U1', next.id, { kind: 'answer', index: i, keys: rightKeys(next, i) });
    const done = await exams.submit(SCOPE, 'U1');
    expect(done).toMatchObject({
      kind: 'report',
      report: { result: { right: 10 }, previous: { examId: exam.id, right: 2 } },
    });
  });

  it('the sweep scores an exam whose time ran out, once', async () => {
    const { exams, clock } = setUp();
    const exam = await started(exams);
    expect(await exams.dueExams()).toEqual([]);
    clock.advance(25 * MINUTE);
    const due = await exams.dueExams();
    expect(due).toEqual([{ scope: SCOPE, playerId: 'U1', examId: exam.id }]);
    const ref = due[0];
    if (!ref) throw new Error();
    expect(await exams.finishDue(ref)).toMatchObject({ result: { right: 0, timedOut: true } });
    expect(await exams.finishDue(ref)).toBeNull();
    expect(await exams.dueExams()).toEqual([]);
  });

  it('two replicas sweeping the same exam at once: exactly one gets the report to send', async () => {
    const { engine, clock } = setUp();
    const replicaA = new ExamService(engine);
    const replicaB = new ExamService(engine);
    const exam = await started(replicaA);
    clock.advance(25 * MINUTE);
    const ref = { scope: SCOPE, playerId: 'U1', examId: exam.id };
    const reports = await Promise.all([replicaA.finishDue(ref), replicaB.finishDue(ref)]);
    expect(reports.filter((r) => r !== null)).toHaveLength(1);
    expect(await replicaB.history(SCOPE, 'U1')).toHaveLength(1);
  });

  it("draws the next exam away from the last one's questions while the bank allows", async () => {
    const { exams } = setUp();
    const first = await started(exams);
    await exams.submit(SCOPE, 'U1');
    await exams.submit(SCOPE, 'U1');
    const second = await started(exams);
    const firstIds = new Set(first.items.map((i) => i.questionId));
    expect(second.items.filter((i) => firstIds.has(i.questionId))).toEqual([]);
  });
});
