import type { CronFields } from './cron-expression.js';

/**
 * Schedule math in a time zone: which wall-clock minutes a cron expression fires at. Pure, so tests can
 * check it across time zones and daylight-saving changes with a manual clock.
 */

const MINUTE = 60_000;

interface WallClock {
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(epochMs: number, timeZone: string): WallClock {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(epochMs);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return {
    month: Number(get('month')),
    day: Number(get('day')),
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
  };
}

function dayMatches(fields: CronFields, w: WallClock): boolean {
  if (!fields.months.has(w.month)) return false;
  const dom = fields.daysOfMonth.has(w.day);
  const dow = fields.daysOfWeek.has(w.weekday);
  if (fields.dayOfMonthRestricted && fields.dayOfWeekRestricted) return dom || dow;
  return dom && dow;
}

/**
 * The second pass through a wall-clock minute when clocks go back (01:30 happens twice in New York on the
 * first Sunday of November). Like system cron, a schedule fires on the first pass only.
 */
function isRepeatedWallClock(w: WallClock, epochMs: number, timeZone: string): boolean {
  return [30, 60].some((minutes) => {
    const earlier = wallClock(epochMs - minutes * MINUTE, timeZone);
    return earlier.day === w.day && earlier.hour === w.hour && earlier.minute === w.minute;
  });
}

/** Whether the minute starting at `epochMs` (a whole minute) is a slot. */
export function isSlot(fields: CronFields, timeZone: string, epochMs: number): boolean {
  const w = wallClock(epochMs, timeZone);
  return (
    dayMatches(fields, w) &&
    fields.hours.has(w.hour) &&
    fields.minutes.has(w.minute) &&
    !isRepeatedWallClock(w, epochMs, timeZone)
  );
}

/** The first `count` slots strictly after `from`, looking at most `horizonDays` ahead. */
export function nextSlots(
  fields: CronFields,
  timeZone: string,
  from: number,
  count: number,
  horizonDays = 400,
): number[] {
  const slots: number[] = [];
  const end = from + horizonDays * 1440 * MINUTE;
  let t = Math.floor(from / MINUTE) * MINUTE + MINUTE;
  while (t <= end && slots.length < count) {
    const w = wallClock(t, timeZone);
    if (!dayMatches(fields, w) || !fields.hours.has(w.hour)) {
      t += (60 - w.minute) * MINUTE; // skip to the next wall-clock hour
    } else if (!fields.minutes.has(w.minute)) {
      t += MINUTE;
    } else {
      if (!isRepeatedWallClock(w, t, timeZone)) slots.push(t);
      t += MINUTE;
    }
  }
  return slots;
}

/** The latest slot at or before `now`, looking back at most `windowMs`; null if none. */
export function previousSlot(
  fields: CronFields,
  timeZone: string,
  now: number,
  windowMs: number,
): number | null {
  const start = now - windowMs;
  for (let t = Math.floor(now / MINUTE) * MINUTE; t >= start; ) {
    const w = wallClock(t, timeZone);
    if (!dayMatches(fields, w) || !fields.hours.has(w.hour)) {
      t -= (w.minute + 1) * MINUTE; // back to the last minute of the previous wall-clock hour
    } else if (!fields.minutes.has(w.minute) || isRepeatedWallClock(w, t, timeZone)) {
      t -= MINUTE;
    } else {
      return t;
    }
  }
  return null;
}
