import { localDate } from '../model/periods.js';
import { isValidTimeZone } from '../model/time-zone.js';

/**
 * A player's exam date: a calendar day (`YYYY-MM-DD`), read in a time zone, never an instant. "Days left"
 * counts calendar days from today in that zone, so it changes at local midnight, not 24 hours after setting.
 */

/** The last days before the exam, when reviews aim at a higher retention and at the weakest section. */
export const EXAM_CRUNCH_DAYS = 14;
/** A date further ahead is surely a typo (the exam is booked weeks, not years, ahead). */
export const MAX_EXAM_DATE_YEARS = 2;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type ExamDateInput =
  | { kind: 'date'; date: string }
  /** Not `YYYY-MM-DD` at all. */
  | { kind: 'malformed' }
  /** `YYYY-MM-DD`, but no such day (2027-02-30, month 13). */
  | { kind: 'no-such-day' };

export type ExamDateCheck =
  | { kind: 'ok'; daysLeft: number }
  | { kind: 'past'; today: string }
  | { kind: 'too-far'; latest: string };

/**
 * The player's own IANA time zone when their platform tells it (Slack's profile), else null. A function,
 * so the lookup (an API call) is made only when a date is actually read.
 */
export type PlayerTimeZone = () => Promise<string | null>;

/** The zone an exam date is read in: the player's own when known and valid, else the bot's. */
export async function examDateZone(botZone: string, playerZone?: PlayerTimeZone): Promise<string> {
  const own = playerZone ? await playerZone() : null;
  return own && isValidTimeZone(own) ? own : botZone;
}

/** Reads typed text as a calendar date. */
export function parseExamDate(text: string): ExamDateInput {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return { kind: 'malformed' };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return { kind: 'no-such-day' };
  }
  return { kind: 'date', date: isoOf(year, month, day) };
}

/** Today's calendar date in `timeZone`, as `YYYY-MM-DD`. */
export function todayIn(now: number, timeZone: string): string {
  const { year, month, day } = localDate(now, timeZone);
  return isoOf(year, month, day);
}

/** Calendar days from today (in `timeZone`) to `date`: 0 on the day itself, negative once it has passed. */
export function daysUntil(date: string, now: number, timeZone: string): number {
  return Math.round((utcMidnight(date) - utcMidnight(todayIn(now, timeZone))) / DAY_MS);
}

/** Whether `date` may be stored: today or later, and at most `MAX_EXAM_DATE_YEARS` ahead. */
export function checkExamDate(date: string, now: number, timeZone: string): ExamDateCheck {
  const today = todayIn(now, timeZone);
  if (date < today) return { kind: 'past', today };
  const latest = yearsLater(today, MAX_EXAM_DATE_YEARS);
  if (date > latest) return { kind: 'too-far', latest };
  return { kind: 'ok', daysLeft: daysUntil(date, now, timeZone) };
}

/** Whether a player with `daysLeft` to their exam is in its last `EXAM_CRUNCH_DAYS` days (exam day included). */
export function inExamCrunch(daysLeft: number | null): boolean {
  return daysLeft !== null && daysLeft >= 0 && daysLeft <= EXAM_CRUNCH_DAYS;
}

/** The same day `years` later; 29 February becomes 28 February in a common year (never a day too far). */
function yearsLater(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = year + years;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return isoOf(target, month, Math.min(day, lastDay));
}

function utcMidnight(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
