import { Cron } from 'croner';

/**
 * Five-field cron expressions (minute hour day-of-month month day-of-week), parsed by `croner`. We keep
 * only what croner does not say for us: that a channel schedule has exactly five fields, and which field
 * is wrong, in words a person typing `/quiz schedule` can act on. As in Vixie cron (croner's default),
 * when both day fields are restricted a day matching either counts.
 */

/** A validated five-field expression; `slots.ts` evaluates it in a time zone. */
export interface CronSchedule {
  readonly expression: string;
}

export type CronParseResult = { ok: true; schedule: CronSchedule } | { ok: false; error: string };

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
] as const;

/** Builds croner's job for an expression; it only computes times (`paused`, no callback). */
export function cronJob(expression: string, timeZone?: string): Cron {
  return new Cron(expression, {
    paused: true,
    mode: '5-part',
    ...(timeZone ? { timezone: timeZone } : {}),
  });
}

export function parseCron(expression: string): CronParseResult {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) {
    return { ok: false, error: `expected 5 fields (minute hour day month weekday), got ${parts.length}` };
  }
  const normalized = parts.join(' ');
  try {
    cronJob(normalized);
    return { ok: true, schedule: { expression: normalized } };
  } catch (error) {
    return { ok: false, error: explain(parts, error) };
  }
}

/** Finds the field croner rejects by trying each one alone, and says why in plain words. */
function explain(parts: string[], error: unknown): string {
  for (const [i, field] of FIELDS.entries()) {
    const alone = parts.map((part, j) => (j === i ? part : '*')).join(' ');
    try {
      cronJob(alone);
    } catch (fieldError) {
      return `${field.name} "${parts[i]}": ${reason(fieldError, field)}`;
    }
  }
  return reason(error, null);
}

function reason(error: unknown, field: (typeof FIELDS)[number] | null): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/^CronPattern:\s*/, '');
  if (/stepping/i.test(message)) return 'a step must be a positive whole number';
  if (/larger than to value/i.test(message)) return 'a range must go upwards';
  if (field && /invalid value/i.test(message)) return `not a value between ${field.min} and ${field.max}`;
  return message;
}
