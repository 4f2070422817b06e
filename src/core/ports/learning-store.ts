import type { RoundKind, ScopeId } from '../model/model.js';

/**
 * What the quiz learns from answers: each player's review log (the source of their FSRS cards and of
 * readiness), per-question-version item counters, and question reports. The review log and the item
 * counters are written by `recordAnswer` itself, in its one atomic step: an answer stays one store call.
 */

/** One answer of a player, as the review log keeps it. */
export interface ReviewLogEntry {
  /** Epoch ms of the answer. */
  at: number;
  questionId: string;
  /** The exam section of the question when it was answered. */
  domain: string;
  /** Where it was answered: a round of that kind, or a mock exam (logged at its submission). */
  roundKind: RoundKind | 'exam';
  correct: boolean;
  /** The player said "I guessed" after this right answer: FSRS grades it Hard instead of Good. */
  guessed: boolean;
}

/**
 * The newest entries a review log keeps. 1000 answers is five passes over a 200-question bank, far more
 * than FSRS needs (it only replays each card's own answers) and a few tens of kilobytes per player.
 */
export const REVIEW_LOG_LIMIT = 1000;

/** First answers to one version of a question in one scope (a rewritten question starts afresh). */
export interface ItemCounters {
  questionId: string;
  version: string;
  /** Players who answered this version (their first answer only). */
  answered: number;
  right: number;
  /** How often each choice key was picked (a multiple-select answer counts each picked key). */
  options: Record<string, number>;
}

/** One player's first answer to one question version: the rows of the item-analysis matrix. */
export interface ItemResponse {
  questionId: string;
  version: string;
  playerId: string;
  correct: boolean;
}

export const REPORT_REASONS = ['wrong-key', 'ambiguous', 'outdated', 'translation', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export interface QuestionReport {
  questionId: string;
  playerId: string;
  reason: ReportReason;
  /** Optional free text, already made safe to echo. */
  text: string;
  at: number;
}

export type FileReportResult =
  | { kind: 'filed'; reporters: number; suspended: boolean }
  | { kind: 'duplicate' };

export interface LearningStore {
  /**
   * The player's answers in the scope, oldest first: at most `REVIEW_LOG_LIMIT` (the newest) from rounds,
   * and apart from them at most `EXAM_LOG_LIMIT` from mock exams, so exams never push daily answers out.
   */
  reviewLog(scope: ScopeId, playerId: string): Promise<ReviewLogEntry[]>;
  /**
   * Marks the player's latest answer to `questionId` as guessed, when it was right and not marked yet.
   * Returns whether it marked one.
   */
  markGuessed(scope: ScopeId, playerId: string, questionId: string, at: number): Promise<boolean>;
  /** Whether `/quiz review` serves this player (on unless they said `review off`). */
  reviewEnabled(scope: ScopeId, playerId: string): Promise<boolean>;
  setReviewEnabled(scope: ScopeId, playerId: string, enabled: boolean): Promise<void>;
  /** The player's exam date in the scope as `YYYY-MM-DD`, or null when none is set. */
  examDate(scope: ScopeId, playerId: string): Promise<string | null>;
  /** Stores the player's exam date (already checked, `YYYY-MM-DD`); null clears it. */
  setExamDate(scope: ScopeId, playerId: string, date: string | null): Promise<void>;
  /** The players now in the team (team readiness pools their logs). */
  teamMembers(scope: ScopeId, teamId: string): Promise<string[]>;

  /** The scope's item counters, one entry per answered question version. */
  itemCounters(scope: ScopeId): Promise<ItemCounters[]>;
  /** The scope's first answers per player and question version. */
  itemResponses(scope: ScopeId): Promise<ItemResponse[]>;
  /**
   * `itemCounters` and `itemResponses` together, from one read of the scope's item data (on Redis one
   * HGETALL instead of two of the same large hash): the dashboard's question figures need both.
   */
  itemData(scope: ScopeId): Promise<{ counters: ItemCounters[]; responses: ItemResponse[] }>;

  /**
   * Files a report, atomically: one open report per player per question; when `suspendAt` different
   * players have open reports on the question, it is suspended in the scope (and stays so until restored).
   */
  fileReport(scope: ScopeId, report: QuestionReport, suspendAt: number): Promise<FileReportResult>;
  /** The scope's open reports, oldest first. */
  openReports(scope: ScopeId): Promise<QuestionReport[]>;
  /** Closes the open reports on a question; returns how many there were. Suspension is left as it is. */
  dismissReports(scope: ScopeId, questionId: string): Promise<number>;
  /** Lifts a suspension and closes the question's open reports; false when it was not suspended. */
  restoreQuestion(scope: ScopeId, questionId: string): Promise<boolean>;
  suspendedQuestions(scope: ScopeId): Promise<string[]>;
}
