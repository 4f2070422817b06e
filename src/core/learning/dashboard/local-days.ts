import { LRUCache } from 'lru-cache';
import { isoWeek, type LocalDate, localDate } from '../../model/periods.js';

/**
 * Calendar days and ISO weeks of instants in one time zone, for charts that count answers per day or week.
 *
 * `Intl` is slow per call and a team's logs hold hundreds of thousands of answers, so each 15-minute slot is
 * looked up once: every UTC offset in use is a whole number of quarter hours, so a local midnight always falls
 * on a quarter-hour boundary and one slot never spans two days.
 */
const QUARTER_HOUR_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

/**
 * Shared by every page build: a slot's day never changes, and a team's logs revisit the same slots on every
 * build. 20,000 slots are about 200 days of answers around the clock, a few megabytes at most.
 */
const slots = new LRUCache<string, { day: string; week: string }>({ max: 20_000 });

export class LocalDays {
  constructor(readonly timeZone: string) {}

  /** `YYYY-MM-DD` of the instant in the zone. */
  dayOf(epochMs: number): string {
    return this.slot(epochMs).day;
  }

  /** ISO week key `2026-W48` of the instant in the zone (the boards' week buckets use the same keys). */
  weekOf(epochMs: number): string {
    return this.slot(epochMs).week;
  }

  /** The `count` days ending with the one holding `now`, oldest first. */
  lastDays(now: number, count: number): string[] {
    const today = this.dayOf(now);
    return Array.from({ length: count }, (_, i) => addDays(today, i - count + 1));
  }

  /** The `count` days starting with the one holding `now`. */
  nextDays(now: number, count: number): string[] {
    const today = this.dayOf(now);
    return Array.from({ length: count }, (_, i) => addDays(today, i));
  }

  /** The `count` ISO weeks ending with the one holding `now`, oldest first. */
  lastWeeks(now: number, count: number): string[] {
    const today = this.dayOf(now);
    return Array.from({ length: count }, (_, i) => weekKeyOfDay(addDays(today, 7 * (i - count + 1))));
  }

  private slot(epochMs: number): { day: string; week: string } {
    const slot = Math.floor(epochMs / QUARTER_HOUR_MS);
    const key = `${this.timeZone}\n${slot}`;
    let found = slots.get(key);
    if (!found) {
      const date = localDate(slot * QUARTER_HOUR_MS, this.timeZone);
      found = { day: isoDay(date), week: weekKeyOf(date) };
      slots.set(key, found);
    }
    return found;
  }
}

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const moved = new Date(Date.UTC(year, month - 1, date) + days * DAY_MS);
  return isoDay({ year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() });
}

function weekKeyOfDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return weekKeyOf({ year, month, day: date });
}

function weekKeyOf(date: LocalDate): string {
  const { year, week } = isoWeek(date);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

function isoDay({ year, month, day }: LocalDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
