import { describe, expect, it } from 'vitest';
import { parseCron } from '../../../../src/core/schedule/cron-expression.js';
import { nextSlots, previousSlot } from '../../../../src/core/schedule/slots.js';

function fields(expression: string) {
  const parsed = parseCron(expression);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.schedule;
}

const iso = (t: number) => new Date(t).toISOString();

describe('parseCron', () => {
  it.each(['0 9 * * 1-5', '*/15 8-18 * * mon-fri', '30 7 1,15 * *', '0 0 * jan,jul sun', '0 9 * * 7'])(
    'accepts %s',
    (expression) => expect(parseCron(expression).ok).toBe(true),
  );
  it.each([
    ['0 9 * *', 'expected 5 fields'],
    ['60 9 * * *', 'minute "60"'],
    ['0 24 * * *', 'hour "24"'],
    ['0 9 0 * *', 'day of month "0"'],
    ['0 9 * 13 *', 'month "13"'],
    ['0 9 * * 8', 'day of week "8"'],
    ['*/0 9 * * *', 'step'],
    ['0 9-5 * * *', 'upwards'],
    ['0 9 * * * *', 'expected 5 fields'],
  ])('rejects %s with a specific reason', (expression, reason) => {
    const parsed = parseCron(expression);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(reason);
  });
});

describe('slots', () => {
  it('finds weekday 09:00 slots in Tokyo', () => {
    const from = Date.parse('2026-11-27T01:00:00Z'); // Friday 10:00 JST
    expect(nextSlots(fields('0 9 * * 1-5'), 'Asia/Tokyo', from, 3).map(iso)).toEqual([
      '2026-11-30T00:00:00.000Z', // Monday 09:00 JST
      '2026-12-01T00:00:00.000Z',
      '2026-12-02T00:00:00.000Z',
    ]);
    expect(iso(previousSlot(fields('0 9 * * 1-5'), 'Asia/Tokyo', from, 86_400_000) ?? 0)).toBe(
      '2026-11-27T00:00:00.000Z',
    );
  });

  it('follows New York wall-clock time across the March daylight-saving change', () => {
    const from = Date.parse('2026-03-06T12:00:00Z'); // Friday, EST (UTC-5)
    expect(nextSlots(fields('0 9 * * *'), 'America/New_York', from, 4).map(iso)).toEqual([
      '2026-03-06T14:00:00.000Z', // 09:00 EST
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z', // DST starts on the 8th: 09:00 EDT (UTC-4)
      '2026-03-09T13:00:00.000Z',
    ]);
  });

  it('follows New York wall-clock time across the November change', () => {
    const from = Date.parse('2026-10-31T12:00:00Z');
    expect(nextSlots(fields('0 9 * * *'), 'America/New_York', from, 3).map(iso)).toEqual([
      '2026-10-31T13:00:00.000Z', // 09:00 EDT
      '2026-11-01T14:00:00.000Z', // DST ends on 1 November: 09:00 EST
      '2026-11-02T14:00:00.000Z',
    ]);
  });

  it('skips a wall-clock time that does not exist on the spring-forward day', () => {
    const from = Date.parse('2026-03-07T12:00:00Z');
    // 02:30 does not exist in New York on 8 March 2026.
    expect(nextSlots(fields('30 2 * * *'), 'America/New_York', from, 2).map(iso)).toEqual([
      '2026-03-09T06:30:00.000Z',
      '2026-03-10T06:30:00.000Z',
    ]);
  });

  it('fires once for a wall-clock time that occurs twice on the fall-back day, as system cron does', () => {
    const from = Date.parse('2026-11-01T04:00:00Z'); // 00:00 EDT
    const slots = nextSlots(fields('30 1 * * *'), 'America/New_York', from, 3).filter(
      (t) => t < Date.parse('2026-11-02T00:00:00Z'),
    );
    // 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST); only the first counts.
    expect(slots.map(iso)).toEqual(['2026-11-01T05:30:00.000Z']);
    expect(
      iso(
        previousSlot(
          fields('30 1 * * *'),
          'America/New_York',
          Date.parse('2026-11-01T06:45:00Z'),
          7_200_000,
        ) ?? 0,
      ),
    ).toBe('2026-11-01T05:30:00.000Z');
  });

  it('matches either day field when both are restricted, as cron does', () => {
    const from = Date.parse('2026-11-27T00:00:00Z');
    const slots = nextSlots(fields('0 12 1 * mon'), 'UTC', from, 3).map(iso);
    expect(slots).toEqual([
      '2026-11-30T12:00:00.000Z',
      '2026-12-01T12:00:00.000Z',
      '2026-12-07T12:00:00.000Z',
    ]);
  });

  it('finds nothing when there is no slot in the window', () => {
    expect(
      previousSlot(fields('0 9 * * 1-5'), 'Asia/Tokyo', Date.parse('2026-11-29T12:00:00Z'), 3_600_000),
    ).toBeNull();
  });
});
