import type { Exam, ExamForm, ExamItem, ExamResult, MockDay } from '../model/exam.js';
import { EXAM_FORMS, MOCK_DAY_WINDOW_MS, mockDaySummaryAt } from '../model/exam.js';
import type { ScopeId } from '../model/model.js';
import type { ExamRef, ExamUpdate } from '../ports/exam-store.js';
import { encodePicks } from '../rounds/choices.js';
import type { QuizEngine } from '../rounds/quiz-engine.js';
import { drawExam } from './draw-exam.js';
import { flaggedIndexes, scoreExam, unansweredIndexes } from './score-exam.js';

/** An answer a few seconds after the deadline was sent in time: clicks and messages take a moment to arrive. */
export const EXAM_GRACE_MS = 10_000;
/** A second `submit` within this time confirms a submission with unanswered or flagged questions. */
export const SUBMIT_CONFIRM_MS = 2 * 60_000;
/** Questions answered in this many days are drawn only when the bank runs short. */
const RECENT_DAYS = 30;
/** The questions of this many previous exams are drawn only when the bank runs short. */
const RECENT_EXAMS = 3;
const DAY_MS = 86_400_000;

/** Where the player goes; `answer` carries bank keys and moves on to the next question. */
export type ExamMove =
  | { kind: 'answer'; index: number; keys: readonly string[] }
  | { kind: 'flag'; index: number }
  | { kind: 'go'; index: number };

/** A submitted exam with what its report compares against. */
export interface ExamReport {
  exam: Exam;
  result: ExamResult;
  /** The player's previous result of the same form (and section), if any. */
  previous: ExamResult | null;
}

export type ExamOutcome =
  /** The exam to show at `exam.position`. */
  | { kind: 'question'; exam: Exam; resumed: boolean }
  /** The exam ended (submitted, or its time ran out and it was scored now): the report. */
  | { kind: 'report'; report: ExamReport }
  | { kind: 'confirm-submit'; exam: Exam; unanswered: number; flagged: number }
  | { kind: 'bad-choice'; exam: Exam; picks: number; given: number }
  | { kind: 'bad-position'; exam: Exam }
  | { kind: 'no-exam' }
  | { kind: 'no-questions' }
  | { kind: 'unknown-section' }
  /** A mock day's Start while a private exam is open: submit it first. */
  | { kind: 'private-exam-open'; exam: Exam }
  /** A mock day that is gone, not open yet, past its window, or already taken by this player. */
  | { kind: 'mock-day-closed' }
  | { kind: 'mock-day-taken' };

/** One player's part of a mock day's summary. */
export interface MockDayEntry {
  playerId: string;
  name: string;
  result: ExamResult;
}

/**
 * The private mock exam: draw, take, submit, report. All state is in the store (`ExamStore`), so restarts
 * and replicas lose nothing; a click is one store call (`updateExam`), a typed command reads first.
 */
export class ExamService {
  constructor(private readonly engine: QuizEngine) {}

  private get store() {
    return this.engine.examParts.store;
  }

  /**
   * `/quiz exam [form]`: resumes the open exam at its first unanswered question, scores one whose time ran
   * out, or draws and starts a new one.
   */
  async start(scope: ScopeId, playerId: string, form: ExamForm, section?: string): Promise<ExamOutcome> {
    const now = this.engine.now();
    const current = await this.store.currentExam(scope, playerId);
    if (current?.status === 'open') {
      if (now > current.deadline + EXAM_GRACE_MS) return this.finish(current, true);
      return this.resume(current, now);
    }
    if (form === 'section' && !this.engine.bank.domain(section ?? '')) return { kind: 'unknown-section' };
    const { random, newId } = this.engine.examParts;
    const items = drawExam({
      form,
      ...(section ? { section } : {}),
      questions: this.engine.bank.all(),
      domains: this.engine.bank.domains(),
      suspended: new Set(await this.store.suspendedQuestions(scope)),
      avoid: await this.recentQuestions(scope, playerId, now),
      random,
    });
    if (items.length === 0) return { kind: 'no-questions' };
    const exam: Exam = {
      id: newId(),
      scope,
      playerId,
      form,
      ...(form === 'section' && section ? { section } : {}),
      items,
      startedAt: now,
      deadline: now + EXAM_FORMS[form].minutes * 60_000,
      answers: items.map(() => ''),
      flags: items.map(() => false),
      position: 0,
      status: 'open',
      submitAskedAt: 0,
      revision: 0,
    };
    const started = await this.store.startExam(exam);
    if (started.kind === 'already-open') return this.resume(started.exam, now);
    return { kind: 'question', exam: started.exam, resumed: false };
  }

  /**
   * Schedules a team mock day for a channel: the questions are drawn now (the same for everyone, in the same
   * order; nobody's own history is avoided), and the channel gets its post at `startsAt`.
   */
  async scheduleMockDay(
    scope: ScopeId,
    channelId: string,
    adminId: string,
    form: Exclude<ExamForm, 'section'>,
    startsAt: number,
  ): Promise<MockDay | null> {
    const { random, newId } = this.engine.examParts;
    const items = drawExam({
      form,
      questions: this.engine.bank.all(),
      domains: this.engine.bank.domains(),
      suspended: new Set(await this.store.suspendedQuestions(scope)),
      avoid: new Set(),
      random,
    });
    if (items.length === 0) return null;
    const day: MockDay = {
      id: newId(),
      scope,
      channelId,
      form,
      items,
      startsAt,
      windowMs: MOCK_DAY_WINDOW_MS,
      status: 'scheduled',
      createdBy: adminId,
    };
    await this.store.saveMockDay(day);
    return day;
  }

  /**
   * "Start" on a mock day's post: the day's questions with the form's full time from now, while the window is
   * open; the player's exam of the day resumed when they have one open; refused while a private exam is open.
   */
  async startMockDay(scope: ScopeId, playerId: string, name: string, dayId: string): Promise<ExamOutcome> {
    const now = this.engine.now();
    const day = await this.store.mockDay(scope, dayId);
    if (!day || day.status !== 'open' || now < day.startsAt || now > day.startsAt + day.windowMs) {
      return { kind: 'mock-day-closed' };
    }
    const current = await this.store.currentExam(scope, playerId);
    if (current?.status === 'open') {
      if (current.mockDayId === dayId) return this.resume(current, now);
      if (now <= current.deadline + EXAM_GRACE_MS) return { kind: 'private-exam-open', exam: current };
      await this.finish(current, true);
    }
    const id = this.engine.examParts.newId();
    if ((await this.store.joinMockDay(scope, dayId, { playerId, examId: id, name })) !== null) {
      return { kind: 'mock-day-taken' };
    }
    const items: ExamItem[] = [...day.items];
    const exam: Exam = {
      id,
      scope,
      playerId,
      form: day.form,
      items,
      startedAt: now,
      deadline: now + EXAM_FORMS[day.form].minutes * 60_000,
      answers: items.map(() => ''),
      flags: items.map(() => false),
      position: 0,
      status: 'open',
      submitAskedAt: 0,
      revision: 0,
      mockDayId: dayId,
    };
    const started = await this.store.startExam(exam);
    if (started.kind === 'already-open') return { kind: 'private-exam-open', exam: started.exam };
    return { kind: 'question', exam: started.exam, resumed: false };
  }

  /**
   * The mock days whose next step is due: `post` (the channel gets the Start button) or `summarize` (the window
   * closed and every exam's time ran out; open exams are scored first). Each step happens once across
   * replicas: only the caller that advanced the day gets it.
   */
  async dueMockDaySteps(
    limit = 50,
  ): Promise<
    ({ step: 'post'; day: MockDay } | { step: 'summarize'; day: MockDay; entries: MockDayEntry[] })[]
  > {
    const now = this.engine.now();
    const steps: (
      | { step: 'post'; day: MockDay }
      | { step: 'summarize'; day: MockDay; entries: MockDayEntry[] }
    )[] = [];
    for (const ref of await this.store.dueMockDays(now, limit)) {
      const day = await this.store.mockDay(ref.scope, ref.id);
      if (!day) continue;
      if (day.status === 'scheduled') {
        const summaryAt = mockDaySummaryAt(day) + EXAM_GRACE_MS;
        if (await this.store.advanceMockDay(day.scope, day.id, 'scheduled', 'open', summaryAt)) {
          steps.push({ step: 'post', day: { ...day, status: 'open' } });
        }
      } else if (day.status === 'open' && now >= mockDaySummaryAt(day) + EXAM_GRACE_MS) {
        const entries = await this.mockDayEntries(day);
        if (await this.store.advanceMockDay(day.scope, day.id, 'open', 'summarized', null)) {
          steps.push({ step: 'summarize', day: { ...day, status: 'summarized' }, entries });
        }
      }
    }
    return steps;
  }

  /** Every player's result of the mock day; exams still open (their time has run out) are scored now. */
  private async mockDayEntries(day: MockDay): Promise<MockDayEntry[]> {
    const entries: MockDayEntry[] = [];
    for (const { playerId, examId, name } of await this.store.mockDayPlayers(day.scope, day.id)) {
      await this.finishDue({ scope: day.scope, playerId, examId });
      const result = (await this.store.examHistory(day.scope, playerId)).find((r) => r.examId === examId);
      if (result) entries.push({ playerId, name, result });
    }
    return entries;
  }

  setPublic(scope: ScopeId, playerId: string, on: boolean): Promise<void> {
    return this.store.setExamPublic(scope, playerId, on);
  }

  publicPlayers(scope: ScopeId): Promise<string[]> {
    return this.store.examPublicPlayers(scope);
  }

  /** A click or a typed move on exam `examId`: one store call. */
  async move(scope: ScopeId, playerId: string, examId: string, move: ExamMove): Promise<ExamOutcome> {
    const update: ExamUpdate =
      move.kind === 'answer'
        ? { position: move.index + 1, answer: { index: move.index, choice: encodePicks(move.keys) } }
        : move.kind === 'flag'
          ? { position: move.index, toggleFlag: move.index }
          : { position: move.index };
    const result = await this.store.updateExam(
      scope,
      playerId,
      examId,
      update,
      this.engine.now(),
      EXAM_GRACE_MS,
    );
    switch (result.kind) {
      case 'not-open':
        return { kind: 'no-exam' };
      case 'expired':
        return this.finish(result.exam, true);
      case 'bad-choice':
        return {
          kind: 'bad-choice',
          exam: result.exam,
          picks: result.picks,
          given: new Set(move.kind === 'answer' ? move.keys : []).size,
        };
      case 'updated':
        return { kind: 'question', exam: result.exam, resumed: false };
    }
  }

  /** A typed move relative to where the player is (`flag`, `back`, `next`, `go <n>`): reads, then one update. */
  async moveTyped(
    scope: ScopeId,
    playerId: string,
    typed: { kind: 'flag' } | { kind: 'back' } | { kind: 'next' } | { kind: 'go'; number: number },
  ): Promise<ExamOutcome> {
    const exam = await this.openExam(scope, playerId);
    if (!exam) return { kind: 'no-exam' };
    const last = exam.items.length - 1;
    if (typed.kind === 'flag')
      return this.move(scope, playerId, exam.id, { kind: 'flag', index: exam.position });
    const index =
      typed.kind === 'back'
        ? exam.position - 1
        : typed.kind === 'next'
          ? exam.position + 1
          : typed.number - 1;
    if (index < 0 || index > last) return { kind: 'bad-position', exam };
    return this.move(scope, playerId, exam.id, { kind: 'go', index });
  }

  /** Typed letters (already turned into bank keys by the caller) answer the question on screen. */
  async answerCurrent(scope: ScopeId, playerId: string, keys: readonly string[]): Promise<ExamOutcome> {
    const exam = await this.openExam(scope, playerId);
    if (!exam) return { kind: 'no-exam' };
    return this.move(scope, playerId, exam.id, { kind: 'answer', index: exam.position, keys });
  }

  /** The player's open exam (null when none, or when it was submitted). */
  async openExam(scope: ScopeId, playerId: string): Promise<Exam | null> {
    const exam = await this.store.currentExam(scope, playerId);
    return exam?.status === 'open' ? exam : null;
  }

  /**
   * `submit`: with unanswered or flagged questions the first one asks, and another within
   * `SUBMIT_CONFIRM_MS` confirms; then the exam is scored and submitted once.
   */
  async submit(scope: ScopeId, playerId: string): Promise<ExamOutcome> {
    const now = this.engine.now();
    const exam = await this.openExam(scope, playerId);
    if (!exam) return { kind: 'no-exam' };
    if (now > exam.deadline + EXAM_GRACE_MS) return this.finish(exam, true);
    const unanswered = unansweredIndexes(exam).length;
    const flagged = flaggedIndexes(exam).length;
    const confirmed = exam.submitAskedAt > 0 && now - exam.submitAskedAt <= SUBMIT_CONFIRM_MS;
    if ((unanswered > 0 || flagged > 0) && !confirmed) {
      const asked = await this.store.updateExam(
        scope,
        playerId,
        exam.id,
        { position: exam.position, submitAskedAt: now },
        now,
        EXAM_GRACE_MS,
      );
      if (asked.kind === 'updated') return { kind: 'confirm-submit', exam: asked.exam, unanswered, flagged };
      if (asked.kind === 'expired') return this.finish(asked.exam, true);
      return { kind: 'no-exam' };
    }
    return this.finish(exam, false);
  }

  /**
   * The sweep: scores an open exam whose time ran out. Returns its report only to the caller whose submission
   * took (the store submits once), so of several replicas sweeping at once exactly one sends the result.
   */
  async finishDue(ref: ExamRef): Promise<ExamReport | null> {
    const exam = await this.store.currentExam(ref.scope, ref.playerId);
    if (exam?.id !== ref.examId || exam.status !== 'open') return null;
    if (this.engine.now() <= exam.deadline + EXAM_GRACE_MS) return null;
    return this.submitOnce(exam, true);
  }

  async dueExams(limit = 50): Promise<ExamRef[]> {
    return this.store.dueExams(this.engine.now() - EXAM_GRACE_MS, limit);
  }

  /** The report of the player's latest submitted exam; null when their latest exam is open or there is none. */
  async latestReport(scope: ScopeId, playerId: string): Promise<ExamReport | null> {
    const exam = await this.store.currentExam(scope, playerId);
    if (exam?.status !== 'submitted') return null;
    const history = await this.store.examHistory(scope, playerId);
    const result = history.find((r) => r.examId === exam.id);
    if (!result) return null;
    return { exam, result, previous: previousOf(history, result) };
  }

  history(scope: ScopeId, playerId: string): Promise<ExamResult[]> {
    return this.store.examHistory(scope, playerId);
  }

  /** Scores and submits; when someone else (the sweep, another replica) submitted first, their result. */
  private async finish(read: Exam, timedOut: boolean): Promise<ExamOutcome> {
    const report =
      (await this.submitOnce(read, timedOut)) ?? (await this.latestReport(read.scope, read.playerId));
    return report ? { kind: 'report', report } : { kind: 'no-exam' };
  }

  /**
   * Scores and submits once; a change that raced in between is scored again (a few tries). The report when this
   * call's submission took, null when the exam was no longer open.
   */
  private async submitOnce(read: Exam, timedOut: boolean): Promise<ExamReport | null> {
    let exam: Exam | null = read;
    for (let attempt = 0; attempt < 3 && exam; attempt++) {
      const submission = scoreExam(exam, this.engine.now(), this.sectionOrder(), timedOut);
      const outcome = await this.store.submitExam(submission);
      if (outcome === 'submitted') {
        const submitted: Exam = { ...exam, status: 'submitted', submittedAt: submission.now };
        const history = await this.store.examHistory(exam.scope, exam.playerId);
        return {
          exam: submitted,
          result: submission.result,
          previous: previousOf(history, submission.result),
        };
      }
      if (outcome === 'not-open') return null;
      exam = await this.openExam(exam.scope, exam.playerId);
    }
    return null;
  }

  private async resume(exam: Exam, now: number): Promise<ExamOutcome> {
    const first = exam.answers.indexOf('');
    const position = first < 0 ? exam.position : first;
    if (position === exam.position) return { kind: 'question', exam, resumed: true };
    const moved = await this.store.updateExam(
      exam.scope,
      exam.playerId,
      exam.id,
      { position },
      now,
      EXAM_GRACE_MS,
    );
    return moved.kind === 'updated'
      ? { kind: 'question', exam: moved.exam, resumed: true }
      : { kind: 'question', exam, resumed: true };
  }

  private async recentQuestions(scope: ScopeId, playerId: string, now: number): Promise<Set<string>> {
    const [log, history] = await Promise.all([
      this.store.reviewLog(scope, playerId),
      this.store.examHistory(scope, playerId),
    ]);
    const since = now - RECENT_DAYS * DAY_MS;
    return new Set([
      ...log.filter((e) => e.at >= since).map((e) => e.questionId),
      ...history.slice(0, RECENT_EXAMS).flatMap((r) => r.questionIds),
    ]);
  }

  private sectionOrder(): string[] {
    return this.engine.bank.domains().map((d) => d.id);
  }
}

/** The newest result before `result` of the same form (and section). */
function previousOf(history: readonly ExamResult[], result: ExamResult): ExamResult | null {
  return (
    history.find(
      (r) =>
        r.examId !== result.examId &&
        r.submittedAt <= result.submittedAt &&
        r.form === result.form &&
        r.section === result.section,
    ) ?? null
  );
}
