import type { ExamResult, ExamSectionScore } from '../../model/exam.js';
import type { ExamDomain } from '../../model/model.js';
import type { ReviewLogEntry } from '../../ports/learning-store.js';
import type { QuestionBank } from '../../ports/question-bank.js';
import { daysUntil, inExamCrunch } from '../exam-date.js';
import { type Readiness, readiness } from '../readiness.js';
import { servableCards } from '../review-queue.js';
import { LocalDays } from './local-days.js';

/** The activity chart's span: eight weeks, long enough to show a habit, short enough to read per day. */
export const ACTIVITY_DAYS = 56;
/** The review forecast's span. */
export const FORECAST_DAYS = 14;

export interface DayActivity {
  /** `YYYY-MM-DD` in the bot's time zone. */
  day: string;
  answered: number;
  right: number;
}

export interface DayForecast {
  day: string;
  /** Cards due that day; the first day also holds every card already overdue. */
  due: number;
}

export interface ExamHistoryRow {
  examId: string;
  form: ExamResult['form'];
  section?: string;
  submittedAt: number;
  /** `YYYY-MM-DD` of the submission in the bot's time zone. */
  day: string;
  right: number;
  total: number;
  timedOut: boolean;
  /** The result's sections in the order of the exam guide. */
  sections: ExamSectionScore[];
}

export interface MeProgress {
  readiness: Readiness;
  activity: DayActivity[];
  forecast: DayForecast[];
  reviewsOn: boolean;
  /** Newest first. */
  exams: ExamHistoryRow[];
  streak: number;
  bestStreak: number;
  examDate: { date: string; daysLeft: number } | null;
}

export interface MeProgressInput {
  log: readonly ReviewLogEntry[];
  examHistory: readonly ExamResult[];
  suspended: ReadonlySet<string>;
  reviewsOn: boolean;
  examDate: string | null;
  streak: number;
  bestStreak: number;
  bank: Pick<QuestionBank, 'get'>;
  domains: readonly ExamDomain[];
  now: number;
  timeZone: string;
}

/** One player's progress, from what the store holds for them: pure, so it is tested on fixed data. */
export function meProgress(input: MeProgressInput): MeProgress {
  const { log, now, timeZone } = input;
  const days = new LocalDays(timeZone);
  const daysLeft = input.examDate === null ? null : daysUntil(input.examDate, now, timeZone);
  return {
    readiness: readiness(
      log.map((e) => ({ ...e, playerId: '' })),
      input.domains,
      now,
    ),
    activity: activity(log, days, now),
    forecast: forecast(input, days, inExamCrunch(daysLeft)),
    reviewsOn: input.reviewsOn,
    exams: input.examHistory.map((r) => examRow(r, input.domains, days)),
    streak: input.streak,
    bestStreak: input.bestStreak,
    examDate: input.examDate === null || daysLeft === null ? null : { date: input.examDate, daysLeft },
  };
}

function activity(log: readonly ReviewLogEntry[], days: LocalDays, now: number): DayActivity[] {
  const span = days.lastDays(now, ACTIVITY_DAYS);
  const byDay = new Map(span.map((day) => [day, { day, answered: 0, right: 0 }]));
  for (const e of log) {
    const row = byDay.get(days.dayOf(e.at));
    if (!row) continue;
    row.answered += 1;
    if (e.correct) row.right += 1;
  }
  return [...byDay.values()];
}

/** Due dates of the cards `/quiz review` would serve, at the retention it uses now (higher near the exam). */
function forecast(input: MeProgressInput, days: LocalDays, crunch: boolean): DayForecast[] {
  const span = days.nextDays(input.now, FORECAST_DAYS);
  const byDay = new Map(span.map((day) => [day, { day, due: 0 }]));
  const first = span[0];
  const last = span.at(-1);
  for (const card of servableCards(input.log, input.bank, input.suspended, crunch)) {
    const day = days.dayOf(card.due);
    const key = first !== undefined && day < first ? first : day;
    if (last !== undefined && key > last) continue;
    const row = byDay.get(key);
    if (row) row.due += 1;
  }
  return [...byDay.values()];
}

function examRow(result: ExamResult, domains: readonly ExamDomain[], days: LocalDays): ExamHistoryRow {
  const order = new Map(domains.map((d, i) => [d.id, i]));
  const rank = (id: string): number => order.get(id) ?? domains.length;
  return {
    examId: result.examId,
    form: result.form,
    ...(result.section ? { section: result.section } : {}),
    submittedAt: result.submittedAt,
    day: days.dayOf(result.submittedAt),
    right: result.right,
    total: result.total,
    timedOut: result.timedOut,
    sections: [...result.sections].sort((a, b) => rank(a.domain) - rank(b.domain)),
  };
}
