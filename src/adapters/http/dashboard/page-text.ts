import type { QuestionFilter, QuestionSort } from '../../../core/learning/dashboard/question-figures.js';
import type { ExamForm } from '../../../core/model/exam.js';
import type { Locale } from '../../../core/model/model.js';
import type { ReportReason } from '../../../core/ports/learning-store.js';
import { messagesFor } from '../../../core/presentation/messages/index.js';

/** Every visible string of the dashboard's pages, in both languages (the chat's terms for the same things). */
export interface PageMessages {
  locale: Locale;
  /** `72%` */
  percent: (share: number) => string;
  /** The estimate with its 95 % range, after a bar. */
  rangeNote: (estimate: number, low: number, high: number) => string;
  notEnoughData: (answered: number, minimum: number) => string;
  /** Short "no figure" mark in tables and heatmap cells. */
  none: string;
  noneLabel: string;
  tableSummary: string;
  /** Label of a table's scrollable region. */
  tableRegion: (caption: string) => string;
  dayLabel: (day: string) => string;
  weekLabel: (from: string, to: string) => string;
  sectionShort: (section: number) => string;

  meTitle: string;
  readinessHeading: string;
  readinessChartDescription: string;
  readinessOverall: (estimate: number, low: number, high: number, coveredPercent: number) => string;
  readinessOverallNone: (minimum: number) => string;
  readinessNote: string;
  colSection: string;
  colEstimate: string;
  colRange: string;
  colQuestions: string;
  activityHeading: string;
  activityDescription: (total: number, days: number) => string;
  colDay: string;
  colAnswers: string;
  colRight: string;
  forecastHeading: string;
  forecastDescription: (total: number, days: number) => string;
  forecastOverdueNote: string;
  reviewsOff: string;
  colDue: string;
  examsHeading: string;
  examsNone: string;
  colDate: string;
  colForm: string;
  colScore: string;
  formName: (form: ExamForm, section?: string) => string;
  timedOut: string;
  score: (right: number, total: number) => string;
  streak: (streak: number, best: number) => string;
  examDate: (date: string, daysLeft: number) => string;
  examDateNone: string;

  teamTitle: string;
  everyoneHeading: string;
  teamHeading: (name: string) => string;
  membersLine: (members: number, contributors: number) => string;
  needsMembers: (minimum: number) => string;
  participationHeading: string;
  participationDescription: (weeks: number) => string;
  colWeek: string;
  colActive: string;
  boardHeading: string;
  teamBoardHeading: string;
  boardEmpty: string;
  yourPlace: (rank: number, points: number) => string;
  colRank: string;
  colName: string;
  colPoints: string;
  colTeam: string;
  colAverage: string;
  colTotal: string;
  teamsNone: string;
  heatmapHeading: string;
  heatmapNote: string;
  ownRowHeading: string;
  ownRowNote: string;
  ownRowMissing: string;
  colMember: string;
  noTeam: string;

  questionsTitle: string;
  filterLegend: string;
  filterLabel: string;
  sectionLabel: string;
  allSections: string;
  sortLabel: string;
  orderLabel: string;
  ascending: string;
  descending: string;
  apply: string;
  filterNames: Record<QuestionFilter, string>;
  sortNames: Record<QuestionSort, string>;
  showing: (shown: number, total: number) => string;
  noRows: string;
  colQuestion: string;
  colVersion: string;
  colP: string;
  colDiscrimination: string;
  colPicks: string;
  colFlags: string;
  colReports: string;
  colState: string;
  flagNames: Record<Exclude<QuestionFilter, 'all' | 'flagged' | 'reported' | 'suspended'>, string>;
  olderVersion: string;
  currentVersion: string;
  notInBank: string;
  suspended: string;
  active: string;

  questionTitle: (id: string) => string;
  languageHeading: Record<Locale, string>;
  rightAnswer: string;
  explanationHeading: string;
  figuresHeading: string;
  reportsHeading: string;
  reportsNone: string;
  reportReason: (reason: ReportReason) => string;
  reportedOn: (date: string) => string;
  triageHeading: string;
  dismissButton: (count: number) => string;
  dismissHelp: string;
  restoreButton: string;
  restoreHelp: string;
  suspendedState: string;
  activeState: string;
  backToQuestions: string;
}

/** The exam forms' and report reasons' names, as the chat names them. */
export function chatNames(locale: Locale): Pick<PageMessages, 'formName' | 'reportReason'> {
  const m = messagesFor(locale);
  return {
    formName: (form, section) => m.exam.formName(form, section ?? null),
    reportReason: (reason) => m.learning.reportReasons[reason],
  };
}
