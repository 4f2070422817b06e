import type { Cron } from 'croner';
import { type CronSchedule, cronJob } from './cron-expression.js';

/**
 * Schedule math in a time zone: which wall-clock minutes a cron expression fires at, computed by
 * `croner`. Pure, so tests can check it across time zones and daylight-saving changes with a manual clock.
 *
 * Daylight saving, as the tests in `schedule-math.test.ts` fix it:
 * - a wall-clock time that occurs twice (clocks go back) fires once, on the first pass: croner does this
 *   for fixed-time expressions such as `30 1 * * *`;
 * - a wall-clock time that does not exist (clocks go forward) is skipped. croner instead runs a fixed-time
 *   job at the first minute after the gap, so we drop any run that does not itself match the expression.
 */

const MINUTE = 60_000;
/** Parsed jobs per (expression, zone); a deployment has few distinct schedules, the cap keeps it bounded. */
const MAX_CACHED_JOBS = 1000;
const jobs = new Map<string, Cron>();

function job(schedule: CronSchedule, timeZone: string): Cron {
  const key = `${schedule.expression}|${timeZone}`;
  let found = jobs.get(key);
  if (!found) {
    if (jobs.size >= MAX_CACHED_JOBS) jobs.clear();
    found = cronJob(schedule.expression, timeZone);
    jobs.set(key, found);
  }
  return found;
}

/** A run croner moved out of a daylight-saving gap is not a slot. */
function isRealSlot(cron: Cron, run: Date): boolean {
  return cron.match(run);
}

/** The first `count` slots strictly after `from`, looking at most `horizonDays` ahead. */
export function nextSlots(
  schedule: CronSchedule,
  timeZone: string,
  from: number,
  count: number,
  horizonDays = 400,
): number[] {
  const cron = job(schedule, timeZone);
  const end = from + horizonDays * 1440 * MINUTE;
  const slots: number[] = [];
  // croner works in whole seconds; slots are whole minutes, so start from the last whole second.
  let after = new Date(Math.floor(from / 1000) * 1000);
  while (slots.length < count) {
    const run = cron.nextRun(after);
    if (!run || run.getTime() > end) break;
    if (isRealSlot(cron, run)) slots.push(run.getTime());
    after = run;
  }
  return slots;
}

/** The latest slot at or before `now`, looking back at most `windowMs`; null if none. */
export function previousSlot(
  schedule: CronSchedule,
  timeZone: string,
  now: number,
  windowMs: number,
): number | null {
  const cron = job(schedule, timeZone);
  const start = now - windowMs;
  // previousRuns is exclusive of its reference: one millisecond later makes a slot at `now` count.
  let before = new Date(now + 1);
  for (;;) {
    const [run] = cron.previousRuns(1, before);
    if (!run || run.getTime() < start) return null;
    if (isRealSlot(cron, run)) return run.getTime();
    before = run;
  }
}

/** The first slot at or after `from` (whole minutes), looking at most `horizonDays` ahead; null if none. */
export function firstSlotFrom(
  schedule: CronSchedule,
  timeZone: string,
  from: number,
  horizonDays = 400,
): number | null {
  return nextSlots(schedule, timeZone, from - 1, 1, horizonDays)[0] ?? null;
}
