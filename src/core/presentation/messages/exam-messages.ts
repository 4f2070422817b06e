/** The strings of the mock exam (`/quiz exam`), per locale; `Messages.exam` holds them. */
export interface ExamMessages {
  formName(form: string, section: string | null): string;
  questionOf(n: number, total: number): string;
  flaggedMark: string;
  /** The deadline as a clock time, and the minutes left. */
  deadline(at: string, minutesLeft: number): string;
  currentAnswer(letters: string | null, picks: number): string;
  navigatorLegend: string;
  flagButton: string;
  unflagButton: string;
  previousButton: string;
  nextButton: string;
  submitButton: string;
  started(form: string, questions: number, minutes: number, deadline: string): string;
  resumed: string;
  /** The console: how to answer and move. */
  consoleHint(picks: number): string;
  confirmSubmit(unanswered: number, flagged: number): string;
  badPosition(total: number): string;
  noExam: string;
  noQuestions: string;
  timedOut: string;
  quit(deadline: string): string;
  reportTitle(form: string, right: number, total: number, percent: number): string;
  reportTime(used: string, limit: number): string;
  reportChange(deltaPoints: number, previousPercent: number): string;
  reportFirst: string;
  reportSection(
    name: string,
    bar: string,
    right: number,
    total: number,
    percent: number,
    low: number,
    high: number,
  ): string;
  reportNote: string;
  reportReviewTitle(page: number, pages: number): string;
  reportNothingToReview: string;
  reportItemTitle(n: number, flagged: boolean): string;
  reportAnswers(yours: string, right: string): string;
  reportMore(command: string): string;
  reportMoreButton: string;
  reportNone: string;
  questionGone: string;
  historyTitle: string;
  historyRow(
    date: string,
    form: string,
    right: number,
    total: number,
    percent: number,
    timedOut: boolean,
  ): string;
  historyNone: string;
  usage: string;
  /** Team mock days. */
  mockDayTitle(form: string): string;
  mockDayPost(questions: number, minutes: number, until: string): string;
  mockDayStartButton: string;
  mockDayScheduled(form: string, at: string): string;
  mockDayInPast: string;
  mockDayNotHere: string;
  mockDayUsage: string;
  privateExamOpen: string;
  mockDayClosed: string;
  mockDayTaken: string;
  summaryTitle(form: string): string;
  summaryParticipants(count: number): string;
  summarySectionsTitle: string;
  summarySectionsNeedThree(minimum: number): string;
  summaryDistributionTitle: string;
  summaryTopTitle: string;
  summaryTopRow(rank: number, name: string, percent: number): string;
  summaryNoPublic: string;
  summaryNote: string;
  publicSet(on: boolean): string;
}
