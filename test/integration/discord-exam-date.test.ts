import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscordHarness, startDiscordHarness, textOf } from '../support/discord-harness.js';
import { ALICE, BOB, slash } from '../support/discord-interactions.js';

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness({ locale: 'en' });
});
afterAll(async () => {
  await h?.close();
});

describe('Discord: /quiz exam-date', () => {
  it('refuses bad dates, stores a good one per player, and /quiz me and /quiz ready count down', async () => {
    // The harness clock: 2026-11-26 09:00 in Tokyo, the bot's time zone.
    const malformed = await h.interact(slash('quiz', ['exam-date'], { date: '26.12.2026' }, ALICE));
    expect(textOf(malformed.final)).toContain('"26.12.2026" is not a date. Write it as YYYY-MM-DD');
    const noDay = await h.interact(slash('quiz', ['exam-date'], { date: '2026-11-31' }, ALICE));
    expect(textOf(noDay.final)).toContain('There is no day 2026-11-31 in the calendar.');
    const past = await h.interact(slash('quiz', ['exam-date'], { date: '2026-11-25' }, ALICE));
    expect(textOf(past.final)).toContain('2026-11-25 has already passed (today is 2026-11-26)');

    const set = await h.interact(slash('quiz', ['exam-date'], { date: '2026-12-06' }, ALICE));
    expect(textOf(set.final)).toContain('Exam date set: 2026-12-06 (10 days left)');
    // The reply is private (ephemeral flag 64), like every command reply that concerns one player.
    expect((set.final.body as { data?: { flags?: number } }).data?.flags ?? 0).toBe(64);

    h.clock.advance(86_400_000);
    const me = await h.interact(slash('quiz', ['me'], {}, ALICE));
    expect(textOf(me.final)).toContain('Exam: 2026-12-06, 9 days left');
    const ready = await h.interact(slash('quiz', ['ready'], {}, ALICE));
    expect(textOf(ready.final)).toContain('Exam: 2026-12-06, 9 days left');
    const bob = await h.interact(slash('quiz', ['me'], {}, BOB));
    expect(textOf(bob.final)).not.toContain('Exam:');

    const off = await h.interact(slash('quiz', ['exam-date'], { date: 'off' }, ALICE));
    expect(textOf(off.final)).toContain('Exam date cleared.');
    const after = await h.interact(slash('quiz', ['me'], {}, ALICE));
    expect(textOf(after.final)).not.toContain('Exam:');
    expect(h.limitProblems()).toEqual([]);
  });
});
