/**
 * Five-field cron expressions (minute hour day-of-month month day-of-week), parsed into sets so the core
 * can do schedule math for any instant without a timer. Supports `*`, lists, ranges, steps and
 * month/weekday names. As in Vixie cron, when both day fields are restricted a day matching either counts.
 */

export interface CronFields {
  minutes: Set<number>;
  hours: Set<number>;
  daysOfMonth: Set<number>;
  months: Set<number>;
  /** 0 = Sunday. */
  daysOfWeek: Set<number>;
  dayOfMonthRestricted: boolean;
  dayOfWeekRestricted: boolean;
}

export type CronParseResult = { ok: true; fields: CronFields } | { ok: false; error: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: string[];
  namesFrom?: number;
}

const SPECS: FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS, namesFrom: 1 },
  { name: 'day of week', min: 0, max: 7, names: DAYS, namesFrom: 0 },
];

export function parseCron(expression: string): CronParseResult {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) {
    return { ok: false, error: `expected 5 fields (minute hour day month weekday), got ${parts.length}` };
  }
  const sets: Set<number>[] = [];
  for (const [i, spec] of SPECS.entries()) {
    const result = parseField(parts[i] ?? '', spec);
    if (typeof result === 'string') return { ok: false, error: `${spec.name} "${parts[i]}": ${result}` };
    sets.push(result);
  }
  const [minutes, hours, daysOfMonth, months, rawDaysOfWeek] = sets as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  const daysOfWeek = new Set([...rawDaysOfWeek].map((d) => d % 7));
  return {
    ok: true,
    fields: {
      minutes,
      hours,
      daysOfMonth,
      months,
      daysOfWeek,
      dayOfMonthRestricted: parts[2] !== '*',
      dayOfWeekRestricted: parts[4] !== '*',
    },
  };
}

function parseField(field: string, spec: FieldSpec): Set<number> | string {
  const values = new Set<number>();
  for (const item of field.split(',')) {
    const [range = '', stepText] = item.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) return 'a step must be a positive whole number';
    let from: number;
    let to: number;
    if (range === '*') {
      from = spec.min;
      to = spec.max;
    } else {
      const [a = '', b] = range.split('-');
      const start = value(a, spec);
      const end = b === undefined ? (stepText === undefined ? start : spec.max) : value(b, spec);
      if (start === null || end === null) return `not a value between ${spec.min} and ${spec.max}`;
      if (end < start) return 'a range must go upwards';
      from = start;
      to = end;
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

function value(text: string, spec: FieldSpec): number | null {
  const named = spec.names?.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0) return named + (spec.namesFrom ?? 0);
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= spec.min && n <= spec.max ? n : null;
}
