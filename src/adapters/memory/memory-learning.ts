import type { ScopeId } from '../../core/model/model.js';
import { EXAM_LOG_LIMIT, type ExamItemAnswer, type ExamSubmission } from '../../core/ports/exam-store.js';
import {
  type FileReportResult,
  type ItemCounters,
  type ItemResponse,
  type QuestionReport,
  REVIEW_LOG_LIMIT,
  type ReviewLogEntry,
} from '../../core/ports/learning-store.js';

/**
 * The learning data of the memory store: review logs, item counters and reports, with the semantics of
 * the Redis store's keys (docs/redis-keys.md) that the contract suite holds both to.
 */
export class MemoryLearning {
  /** `<scope>|<playerId>` */
  private readonly logs = new Map<string, ReviewLogEntry[]>();
  /** `<scope>|<playerId>`: the answers of submitted mock exams, kept apart so exams never push rounds out. */
  private readonly examLogs = new Map<string, ReviewLogEntry[]>();
  /** `<scope>|<playerId>` of players who turned reviews off. */
  private readonly reviewOff = new Set<string>();
  /** `<scope>|<playerId>` -> `YYYY-MM-DD` */
  private readonly examDates = new Map<string, string>();
  /** `<scope>|<questionId>@<version>` */
  private readonly items = new Map<string, ItemCounters>();
  /** `<scope>|<questionId>@<version>` -> playerId -> right */
  private readonly firstAnswers = new Map<string, Map<string, boolean>>();
  /** `<scope>|<questionId>` -> playerId -> report */
  private readonly reports = new Map<string, Map<string, QuestionReport>>();
  /** `<scope>` -> suspended question ids */
  private readonly suspended = new Map<string, Set<string>>();

  /** The answer path's part: called from `recordAnswer` in the same synchronous step. */
  recordAnswer(
    scope: ScopeId,
    playerId: string,
    entry: Omit<ReviewLogEntry, 'guessed'>,
    choice: string,
    version: string | undefined,
  ): void {
    const log = this.logs.get(`${scope}|${playerId}`) ?? [];
    log.push({ ...entry, guessed: false });
    if (log.length > REVIEW_LOG_LIMIT) log.splice(0, log.length - REVIEW_LOG_LIMIT);
    this.logs.set(`${scope}|${playerId}`, log);
    if (!version) return;
    this.countFirstAnswer(scope, playerId, entry.questionId, version, entry.correct, choice);
  }

  private countFirstAnswer(
    scope: ScopeId,
    playerId: string,
    questionId: string,
    version: string,
    correct: boolean,
    choice: string,
  ): void {
    const entry = { questionId, correct };
    const itemKey = `${scope}|${entry.questionId}@${version}`;
    const first = this.firstAnswers.get(itemKey) ?? new Map<string, boolean>();
    this.firstAnswers.set(itemKey, first);
    if (first.has(playerId)) return;
    first.set(playerId, entry.correct);
    const item = this.items.get(itemKey) ?? {
      questionId: entry.questionId,
      version,
      answered: 0,
      right: 0,
      options: {},
    };
    item.answered += 1;
    if (entry.correct) item.right += 1;
    for (const key of choice.split(',').filter(Boolean)) item.options[key] = (item.options[key] ?? 0) + 1;
    this.items.set(itemKey, item);
  }

  /** A submitted exam's part: its answered questions go to the exam log and count in the item statistics. */
  recordExamAnswers(
    scope: ScopeId,
    playerId: string,
    log: ExamSubmission['log'],
    items: ExamItemAnswer[],
  ): void {
    const key = `${scope}|${playerId}`;
    const examLog = this.examLogs.get(key) ?? [];
    examLog.push(...log.map((e) => ({ ...e, guessed: false })));
    if (examLog.length > EXAM_LOG_LIMIT) examLog.splice(0, examLog.length - EXAM_LOG_LIMIT);
    this.examLogs.set(key, examLog);
    for (const item of items)
      this.countFirstAnswer(scope, playerId, item.questionId, item.version, item.correct, item.choice);
  }

  reviewLog(scope: ScopeId, playerId: string): ReviewLogEntry[] {
    const key = `${scope}|${playerId}`;
    // A stable sort: entries of one time keep their order (rounds first, as logged).
    return [...(this.logs.get(key) ?? []), ...(this.examLogs.get(key) ?? [])]
      .map((e) => ({ ...e }))
      .sort((a, b) => a.at - b.at);
  }

  markGuessed(scope: ScopeId, playerId: string, questionId: string): boolean {
    const log = this.logs.get(`${scope}|${playerId}`) ?? [];
    const last = log.findLast((e) => e.questionId === questionId);
    if (!last?.correct || last.guessed) return false;
    last.guessed = true;
    return true;
  }

  reviewEnabled(scope: ScopeId, playerId: string): boolean {
    return !this.reviewOff.has(`${scope}|${playerId}`);
  }

  setReviewEnabled(scope: ScopeId, playerId: string, enabled: boolean): void {
    if (enabled) this.reviewOff.delete(`${scope}|${playerId}`);
    else this.reviewOff.add(`${scope}|${playerId}`);
  }

  examDate(scope: ScopeId, playerId: string): string | null {
    return this.examDates.get(`${scope}|${playerId}`) ?? null;
  }

  setExamDate(scope: ScopeId, playerId: string, date: string | null): void {
    if (date === null) this.examDates.delete(`${scope}|${playerId}`);
    else this.examDates.set(`${scope}|${playerId}`, date);
  }

  itemCounters(scope: ScopeId): ItemCounters[] {
    return [...this.items.entries()]
      .filter(([key]) => key.startsWith(`${scope}|`))
      .map(([, item]) => ({ ...item, options: { ...item.options } }));
  }

  itemResponses(scope: ScopeId): ItemResponse[] {
    const rows: ItemResponse[] = [];
    for (const [key, players] of this.firstAnswers) {
      if (!key.startsWith(`${scope}|`)) continue;
      const item = key.slice(scope.length + 1);
      const at = item.lastIndexOf('@');
      for (const [playerId, correct] of players) {
        rows.push({ questionId: item.slice(0, at), version: item.slice(at + 1), playerId, correct });
      }
    }
    return rows;
  }

  fileReport(scope: ScopeId, report: QuestionReport, suspendAt: number): FileReportResult {
    const key = `${scope}|${report.questionId}`;
    const open = this.reports.get(key) ?? new Map<string, QuestionReport>();
    this.reports.set(key, open);
    if (open.has(report.playerId)) return { kind: 'duplicate' };
    open.set(report.playerId, { ...report });
    const suspended = this.suspendedSet(scope);
    if (open.size >= suspendAt) suspended.add(report.questionId);
    return { kind: 'filed', reporters: open.size, suspended: suspended.has(report.questionId) };
  }

  openReports(scope: ScopeId): QuestionReport[] {
    return [...this.reports.entries()]
      .filter(([key]) => key.startsWith(`${scope}|`))
      .flatMap(([, open]) => [...open.values()].map((r) => ({ ...r })))
      .sort((a, b) => a.at - b.at);
  }

  dismissReports(scope: ScopeId, questionId: string): number {
    const key = `${scope}|${questionId}`;
    const count = this.reports.get(key)?.size ?? 0;
    this.reports.delete(key);
    return count;
  }

  restoreQuestion(scope: ScopeId, questionId: string): boolean {
    const was = this.suspendedSet(scope).delete(questionId);
    if (was) this.reports.delete(`${scope}|${questionId}`);
    return was;
  }

  suspendedQuestions(scope: ScopeId): string[] {
    return [...this.suspendedSet(scope)];
  }

  private suspendedSet(scope: ScopeId): Set<string> {
    const set = this.suspended.get(scope) ?? new Set<string>();
    this.suspended.set(scope, set);
    return set;
  }
}
