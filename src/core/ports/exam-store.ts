import type { Exam, ExamResult, MockDay, MockDayStatus } from '../model/exam.js';
import type { ScopeId } from '../model/model.js';
import type { ReviewLogEntry } from './learning-store.js';

/**
 * The mock exams' persistence. Every implementation passes the exam part of the store contract
 * (`test/support/store-contract/exams.ts`). Any method may throw `StoreUnavailableError`; it then wrote nothing.
 */

/**
 * One change to an open exam, applied in one atomic step (on Redis one script call): an answer (bank keys,
 * `encodePicks` form), a flag toggled, the submission question asked, and where the player is now.
 */
export interface ExamUpdate {
  position: number;
  answer?: { index: number; choice: string };
  toggleFlag?: number;
  submitAskedAt?: number;
}

export type UpdateExamResult =
  | { kind: 'updated'; exam: Exam }
  /** The deadline (plus the grace) has passed: nothing was written. */
  | { kind: 'expired'; exam: Exam }
  /** The answer names a key the question does not have, or the wrong number of them: nothing was written. */
  | { kind: 'bad-choice'; exam: Exam; picks: number }
  /** No open exam of that id for the player (submitted, replaced, or never there). */
  | { kind: 'not-open' };

/** First answer to a question version, for the item statistics (the same counters as round answers). */
export interface ExamItemAnswer {
  questionId: string;
  version: string;
  correct: boolean;
  /** The picked bank keys, `encodePicks` form. */
  choice: string;
}

export interface ExamSubmission {
  scope: ScopeId;
  playerId: string;
  examId: string;
  /** The revision the result was scored from: a change since then makes the submission `changed`. */
  revision: number;
  now: number;
  result: ExamResult;
  /** The answered questions, for the player's review log (`roundKind: 'exam'`). */
  log: Omit<ReviewLogEntry, 'guessed'>[];
  items: ExamItemAnswer[];
}

export type SubmitExamResult = 'submitted' | 'changed' | 'not-open';

export interface MockDayPlayer {
  playerId: string;
  examId: string;
  /** As the platform named them when they started (already made safe to echo). */
  name: string;
}

export interface ExamRef {
  scope: ScopeId;
  playerId: string;
  examId: string;
}

/** How many results `examHistory` keeps per player. */
export const EXAM_HISTORY_LIMIT = 20;
/**
 * How many exam answers a player's review log keeps, apart from the `REVIEW_LOG_LIMIT` answers of rounds:
 * however many exams a player takes, their daily answers stay in the log.
 */
export const EXAM_LOG_LIMIT = 1000;

export interface ExamStore {
  /**
   * Stores a new open exam, atomically: when the player already has an open exam it is returned unchanged
   * instead (at most one open exam per player and scope). The exam's deadline is indexed for `dueExams`.
   */
  startExam(exam: Exam): Promise<{ kind: 'started'; exam: Exam } | { kind: 'already-open'; exam: Exam }>;
  /** The player's latest exam, open or submitted; null when none. */
  currentExam(scope: ScopeId, playerId: string): Promise<Exam | null>;
  /**
   * Applies `update` to the player's open exam `examId` in one atomic step; refused after `deadline + graceMs`.
   * Bumps the revision.
   */
  updateExam(
    scope: ScopeId,
    playerId: string,
    examId: string,
    update: ExamUpdate,
    now: number,
    graceMs: number,
  ): Promise<UpdateExamResult>;
  /**
   * Submits, atomically and once: when the exam is open at `revision`, marks it submitted, appends `log` to
   * the player's review log (never to boards), counts each first answer of a version in the item statistics,
   * adds the result to the history (the newest `EXAM_HISTORY_LIMIT` kept) and drops it from `dueExams`.
   */
  submitExam(submission: ExamSubmission): Promise<SubmitExamResult>;
  /** The player's results, newest first. */
  examHistory(scope: ScopeId, playerId: string): Promise<ExamResult[]>;
  /** Open exams whose deadline passed before `now`, oldest deadline first. */
  dueExams(now: number, limit: number): Promise<ExamRef[]>;

  /** Stores a new team mock day and indexes it for `dueMockDays` at `startsAt`. */
  saveMockDay(day: MockDay): Promise<void>;
  mockDay(scope: ScopeId, id: string): Promise<MockDay | null>;
  /** Mock days whose next step (the post, then the summary) is due at `now`, oldest first. */
  dueMockDays(now: number, limit: number): Promise<{ scope: ScopeId; id: string }[]>;
  /**
   * Moves a mock day from `from` to `to` in one atomic step, once: true only for the caller that moved it (so one
   * replica posts, one summarizes). Its next step is then due at `nextAt` (null: none).
   */
  advanceMockDay(
    scope: ScopeId,
    id: string,
    from: MockDayStatus,
    to: MockDayStatus,
    nextAt: number | null,
  ): Promise<boolean>;
  /**
   * Records that the player's exam `examId` is their one exam of the mock day, with the name to show them by;
   * returns the earlier exam id when they had one (and changes nothing).
   */
  joinMockDay(scope: ScopeId, id: string, player: MockDayPlayer): Promise<string | null>;
  /** The mock day's players, with their exam ids and names. */
  mockDayPlayers(scope: ScopeId, id: string): Promise<MockDayPlayer[]>;
  /** `/quiz exam public on|off`: whether the player's top scores may be named in mock-day summaries. */
  setExamPublic(scope: ScopeId, playerId: string, on: boolean): Promise<void>;
  examPublicPlayers(scope: ScopeId): Promise<string[]>;
}
