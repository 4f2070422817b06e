import type { ReportReason } from '../../ports/learning-store.js';

/**
 * The strings of the learning features (review, readiness, reports, item statistics), per locale.
 * Kept apart from `messages.ts` so that file stays a readable size; `Messages.learning` holds them.
 */
export interface LearningMessages {
  reviewTitle: string;
  reviewRemaining(count: number): string;
  reviewNothingYet: string;
  reviewNoneDue(next: string | null): string;
  reviewLimit(limit: number): string;
  reviewOff: string;
  reviewSet(enabled: boolean): string;
  /**
   * Under a wrong answer: it will come back for review, and not before tomorrow (the review schedule's
   * shortest interval is a day), without a date or count (either would cost a read on the answer path).
   */
  reviewHint: string;
  statsReviews(due: number | null): string;
  guessedButton: string;
  guessedNoted: string;
  guessedNone: string;

  /** An empty name (a console player with none set) gives "your". */
  readyTitle(name: string): string;
  readyTeamTitle(team: string): string;
  readySection(name: string, bar: string, percent: number, low: number, high: number, count: number): string;
  readyNotEnough(name: string, count: number, minimum: number): string;
  readyOverall(percent: number, low: number, high: number, covered: number, total: number): string;
  readyOverallNone(minimum: number): string;
  readyWeakest(name: string, domainId: string): string;
  readyNote: string;
  readyNoTeam: string;

  /** `/quiz exam-date`: stored, with the days left and what the last `crunchDays` days change. */
  examDateSet(date: string, daysLeft: number, crunchDays: number): string;
  /** `off`: `had` says whether there was a date to clear. */
  examDateCleared(had: boolean): string;
  /** Not `YYYY-MM-DD` (`text` already made safe to echo). */
  examDateMalformed(text: string): string;
  /** `YYYY-MM-DD`, but no such day in the calendar. */
  examDateNoSuchDay(text: string): string;
  examDatePast(date: string, today: string): string;
  examDateTooFar(date: string, latest: string, years: number): string;
  /** The line in `/quiz me`, `/quiz ready` and the App Home; `daysLeft` negative once the date has passed. */
  examCountdown(date: string, daysLeft: number, crunch: boolean): string;

  reportButton: string;
  reportModalTitle: string;
  reportReasonLabel: string;
  reportTextLabel: string;
  reportSubmit: string;
  reportCancel: string;
  reportReasons: Record<ReportReason, string>;
  reportThanks(questionId: string): string;
  reportDuplicate: string;
  reportNoQuestion: string;
  reportUnknownQuestion(questionId: string): string;
  reportsTitle: string;
  reportsEmpty: string;
  reportsRow(questionId: string, count: number, reasons: string, suspended: boolean): string;
  reportsSuspended(ids: string[]): string;
  reportsDismissed(questionId: string, count: number): string;
  reportsNothingToDismiss(questionId: string): string;
  restored(questionId: string): string;
  notSuspended(questionId: string): string;

  itemTitle(questionId: string, version: string): string;
  itemKey(key: string): string;
  /** Wrong options picked by fewer than 5 % of at least 30 first answers (non-functional distractors). */
  itemWeakDistractors(keys: string): string;
  itemFigures(answered: number, p: number | null, discrimination: number | null): string;
  itemOptions(counts: string): string;
  itemSuspended: string;
  itemReportsTitle: string;
  itemNoReports: string;
}
