import type { Exam, ExamResult, MockDay, MockDayStatus } from '../../core/model/exam.js';
import type { ScopeId } from '../../core/model/model.js';
import {
  EXAM_HISTORY_LIMIT,
  type ExamRef,
  type ExamSubmission,
  type ExamUpdate,
  type MockDayPlayer,
  type SubmitExamResult,
  type UpdateExamResult,
} from '../../core/ports/exam-store.js';
import type { MemoryLearning } from './memory-learning.js';

/**
 * The mock exams of the memory store, with the semantics of the Redis scripts (docs/redis-keys.md) that the
 * contract suite holds both to. Each operation is synchronous: one step, as a script is on Redis.
 */
export class MemoryExams {
  /** `<scope>|<playerId>` -> the player's latest exam. */
  private readonly exams = new Map<string, Exam>();
  /** `<scope>|<playerId>` -> results, newest first. */
  private readonly results = new Map<string, ExamResult[]>();

  /** `<scope>|<id>` -> the mock day, its next step's time (null: none) and its players (player -> exam id). */
  private readonly mockDays = new Map<
    string,
    { day: MockDay; nextAt: number | null; players: Map<string, MockDayPlayer> }
  >();
  /** `<scope>|<playerId>` of players who may be named in mock-day summaries. */
  private readonly publicPlayers = new Set<string>();

  constructor(private readonly learning: MemoryLearning) {}

  saveMockDay(day: MockDay): void {
    this.mockDays.set(`${day.scope}|${day.id}`, {
      day: structuredClone(day),
      nextAt: day.startsAt,
      players: new Map(),
    });
  }

  mockDay(scope: ScopeId, id: string): MockDay | null {
    const entry = this.mockDays.get(`${scope}|${id}`);
    return entry ? structuredClone(entry.day) : null;
  }

  dueMockDays(now: number, limit: number): { scope: ScopeId; id: string }[] {
    return [...this.mockDays.values()]
      .filter((e) => e.nextAt !== null && e.nextAt <= now)
      .sort((a, b) => (a.nextAt ?? 0) - (b.nextAt ?? 0))
      .slice(0, limit)
      .map((e) => ({ scope: e.day.scope, id: e.day.id }));
  }

  advanceMockDay(
    scope: ScopeId,
    id: string,
    from: MockDayStatus,
    to: MockDayStatus,
    nextAt: number | null,
  ): boolean {
    const entry = this.mockDays.get(`${scope}|${id}`);
    if (entry?.day.status !== from) return false;
    entry.day.status = to;
    entry.nextAt = nextAt;
    return true;
  }

  joinMockDay(scope: ScopeId, id: string, player: MockDayPlayer): string | null {
    const entry = this.mockDays.get(`${scope}|${id}`);
    if (!entry) return null;
    const earlier = entry.players.get(player.playerId);
    if (earlier !== undefined) return earlier.examId;
    entry.players.set(player.playerId, { ...player });
    return null;
  }

  mockDayPlayers(scope: ScopeId, id: string): MockDayPlayer[] {
    return [...(this.mockDays.get(`${scope}|${id}`)?.players.values() ?? [])].map((p) => ({ ...p }));
  }

  setExamPublic(scope: ScopeId, playerId: string, on: boolean): void {
    if (on) this.publicPlayers.add(`${scope}|${playerId}`);
    else this.publicPlayers.delete(`${scope}|${playerId}`);
  }

  examPublicPlayers(scope: ScopeId): string[] {
    return [...this.publicPlayers]
      .filter((k) => k.startsWith(`${scope}|`))
      .map((k) => k.slice(scope.length + 1));
  }

  startExam(exam: Exam): { kind: 'started'; exam: Exam } | { kind: 'already-open'; exam: Exam } {
    const key = `${exam.scope}|${exam.playerId}`;
    const current = this.exams.get(key);
    if (current?.status === 'open') return { kind: 'already-open', exam: copy(current) };
    this.exams.set(key, copy(exam));
    return { kind: 'started', exam: copy(exam) };
  }

  currentExam(scope: ScopeId, playerId: string): Exam | null {
    const exam = this.exams.get(`${scope}|${playerId}`);
    return exam ? copy(exam) : null;
  }

  updateExam(
    scope: ScopeId,
    playerId: string,
    examId: string,
    update: ExamUpdate,
    now: number,
    graceMs: number,
  ): UpdateExamResult {
    const exam = this.exams.get(`${scope}|${playerId}`);
    if (!exam || exam.id !== examId || exam.status !== 'open') return { kind: 'not-open' };
    if (now > exam.deadline + graceMs) return { kind: 'expired', exam: copy(exam) };
    const count = exam.items.length;
    if (update.answer) {
      const item = exam.items[update.answer.index];
      if (!item) return { kind: 'not-open' };
      const keys = update.answer.choice.split(',');
      const picks = item.answer.split(',').length;
      if (keys.length !== picks || keys.some((k) => !item.choiceOrder.includes(k))) {
        return { kind: 'bad-choice', exam: copy(exam), picks };
      }
      exam.answers[update.answer.index] = update.answer.choice;
    }
    if (update.toggleFlag !== undefined && update.toggleFlag >= 0 && update.toggleFlag < count) {
      exam.flags[update.toggleFlag] = !exam.flags[update.toggleFlag];
    }
    if (update.submitAskedAt !== undefined) exam.submitAskedAt = update.submitAskedAt;
    exam.position = Math.max(0, Math.min(count - 1, update.position));
    exam.revision += 1;
    return { kind: 'updated', exam: copy(exam) };
  }

  submitExam(submission: ExamSubmission): SubmitExamResult {
    const key = `${submission.scope}|${submission.playerId}`;
    const exam = this.exams.get(key);
    if (!exam || exam.id !== submission.examId || exam.status !== 'open') return 'not-open';
    if (exam.revision !== submission.revision) return 'changed';
    exam.status = 'submitted';
    exam.submittedAt = submission.now;
    this.learning.recordExamAnswers(submission.scope, submission.playerId, submission.log, submission.items);
    const history = [structuredClone(submission.result), ...(this.results.get(key) ?? [])];
    this.results.set(key, history.slice(0, EXAM_HISTORY_LIMIT));
    return 'submitted';
  }

  examHistory(scope: ScopeId, playerId: string): ExamResult[] {
    return structuredClone(this.results.get(`${scope}|${playerId}`) ?? []);
  }

  dueExams(now: number, limit: number): ExamRef[] {
    return [...this.exams.values()]
      .filter((e) => e.status === 'open' && e.deadline < now)
      .sort((a, b) => a.deadline - b.deadline)
      .slice(0, limit)
      .map((e) => ({ scope: e.scope, playerId: e.playerId, examId: e.id }));
  }
}

function copy(exam: Exam): Exam {
  return structuredClone(exam);
}
