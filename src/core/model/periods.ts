/** Period boards are kept this long after their period ends, so a year-on-year look back still works. */
export const PERIOD_RETENTION_DAYS = 400;
const DAY_MS = 86_400_000;

/** A period bucket of a board: its key and when its data may be dropped (epoch ms). */
export interface PeriodBucket {
  key: string;
  expiresAt: number;
}

export interface PeriodBuckets {
  week: PeriodBucket;
  month: PeriodBucket;
}

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** Building an Intl.DateTimeFormat costs far more than using one, and every answer needs one. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    dateFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar date at `epochMs` in the IANA time zone `timeZone`. */
export function localDate(epochMs: number, timeZone: string): LocalDate {
  const parts = dateFormat(timeZone).formatToParts(epochMs);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** ISO-8601 week of a calendar date: `{ year, week }` (the week's year can differ near New Year). */
export function isoWeek({ year, month, day }: LocalDate): { year: number; week: number } {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7; // Monday 1 .. Sunday 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const weekYear = date.getUTCFullYear();
  const firstDay = Date.UTC(weekYear, 0, 1);
  const week = Math.ceil(((date.getTime() - firstDay) / DAY_MS + 1) / 7);
  return { year: weekYear, week };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function weekKey(epochMs: number, timeZone: string): string {
  return weekKeyOf(localDate(epochMs, timeZone));
}

export function monthKey(epochMs: number, timeZone: string): string {
  return monthKeyOf(localDate(epochMs, timeZone));
}

function weekKeyOf(date: LocalDate): string {
  const { year, week } = isoWeek(date);
  return `${year}-W${pad(week)}`;
}

function monthKeyOf({ year, month }: LocalDate): string {
  return `${year}-${pad(month)}`;
}

/**
 * The last answer's buckets per time zone, by minute: every answer needs them and they change at most at
 * a local midnight, which (for any offset in use since 1972) falls on a whole UTC minute.
 */
const bucketsByZone = new Map<string, { minute: number; buckets: PeriodBuckets }>();

/** The week and month buckets an answer at `epochMs` falls into, with their expiry (shared: read only). */
export function periodBuckets(epochMs: number, timeZone: string): PeriodBuckets {
  const minute = Math.floor(epochMs / 60_000);
  const last = bucketsByZone.get(timeZone);
  if (last?.minute === minute) return last.buckets;
  const buckets = computePeriodBuckets(epochMs, timeZone);
  bucketsByZone.set(timeZone, { minute, buckets });
  return buckets;
}

function computePeriodBuckets(epochMs: number, timeZone: string): PeriodBuckets {
  const date = localDate(epochMs, timeZone);
  const { year, month, day } = date;
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
  // A day's slack covers any time-zone offset; "about 400 days" needs no more precision.
  const weekEnd = Date.UTC(year, month - 1, day + (8 - weekday)) + DAY_MS;
  const monthEnd = Date.UTC(year, month, 1) + DAY_MS;
  const retention = PERIOD_RETENTION_DAYS * DAY_MS;
  return Object.freeze({
    week: Object.freeze({ key: weekKeyOf(date), expiresAt: weekEnd + retention }),
    month: Object.freeze({ key: monthKeyOf(date), expiresAt: monthEnd + retention }),
  });
}

/** The key of the week before the one containing `epochMs` (for the weekly digest). */
export function previousWeekKey(epochMs: number, timeZone: string): string {
  return weekKey(epochMs - 7 * DAY_MS, timeZone);
}

/** The calendar dates a period bucket covers, so people see "Nov 23–29" rather than `2026-W48`. */
export type PeriodSpan =
  | { kind: 'week'; from: LocalDate; to: LocalDate }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'all' };

/** The span of a bucket key (`2026-W48`, `2026-11`, `all`); `all` for anything else. */
export function periodSpan(key: string): PeriodSpan {
  const week = /^(\d{4})-W(\d{2})$/.exec(key);
  if (week) {
    const year = Number(week[1]);
    // ISO 8601: week 1 is the week with January 4th in it; weeks start on Monday.
    const jan4 = Date.UTC(year, 0, 4);
    const monday =
      jan4 - ((new Date(jan4).getUTCDay() || 7) - 1) * DAY_MS + (Number(week[2]) - 1) * 7 * DAY_MS;
    const at = (ms: number): LocalDate => {
      const d = new Date(ms);
      return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    };
    return { kind: 'week', from: at(monday), to: at(monday + 6 * DAY_MS) };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (month) return { kind: 'month', year: Number(month[1]), month: Number(month[2]) };
  return { kind: 'all' };
}
