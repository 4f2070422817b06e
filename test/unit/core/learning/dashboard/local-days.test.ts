import { describe, expect, it } from 'vitest';
import { addDays, LocalDays } from '../../../../../src/core/learning/dashboard/local-days.js';

describe('LocalDays', () => {
  it('reads days and ISO weeks in the zone, including zones a half or three quarters of an hour off', () => {
    const tokyo = new LocalDays('Asia/Tokyo');
    expect(tokyo.dayOf(Date.parse('2026-12-06T14:59:59Z'))).toBe('2026-12-06');
    expect(tokyo.dayOf(Date.parse('2026-12-06T15:00:00Z'))).toBe('2026-12-07');
    expect(tokyo.weekOf(Date.parse('2026-12-06T14:59:59Z'))).toBe('2026-W49');
    expect(tokyo.weekOf(Date.parse('2026-12-06T15:00:00Z'))).toBe('2026-W50');
    // Kathmandu is UTC+5:45: midnight falls at 18:15 UTC, inside a UTC hour.
    const kathmandu = new LocalDays('Asia/Kathmandu');
    expect(kathmandu.dayOf(Date.parse('2026-12-06T18:14:59Z'))).toBe('2026-12-06');
    expect(kathmandu.dayOf(Date.parse('2026-12-06T18:15:00Z'))).toBe('2026-12-07');
    // The same instant, asked of two zones, is not mixed up by the shared cache.
    expect(new LocalDays('UTC').dayOf(Date.parse('2026-12-06T18:15:00Z'))).toBe('2026-12-06');
  });

  it('lists the last and next days and the last weeks across month and year ends', () => {
    const days = new LocalDays('UTC');
    const now = Date.parse('2027-01-01T12:00:00Z');
    expect(days.lastDays(now, 3)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
    expect(days.nextDays(now, 2)).toEqual(['2027-01-01', '2027-01-02']);
    // 2027-01-01 is a Friday of ISO week 2026-W53.
    expect(days.lastWeeks(now, 3)).toEqual(['2026-W51', '2026-W52', '2026-W53']);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
