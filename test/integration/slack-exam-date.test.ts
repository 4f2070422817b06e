import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../support/builders.js';
import { type SlackHarness, startSlackHarness } from '../support/slack-harness.js';

let harness: SlackHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function replyTo(h: SlackHarness, id: string): Promise<string> {
  await expect.poll(() => h.fake.responsesTo(id).length, { timeout: 3000 }).toBeGreaterThan(0);
  const [reply] = h.fake.responsesTo(id);
  return JSON.stringify(reply ?? '');
}

describe('Slack: /quiz exam-date', () => {
  it('refuses bad dates privately, stores a good one per player, and /quiz me and the App Home count down', async () => {
    // 2026-11-27 09:00 in Tokyo, the bot's time zone.
    const clock = new ManualClock(Date.parse('2026-11-27T00:00:00Z'));
    const h = await startSlackHarness({ clock });
    harness = h;

    await h.command('/quiz', 'exam-date 12/07', { user: 'U1', responseId: 'malformed' });
    const malformed = await replyTo(h, 'malformed');
    expect(malformed).toContain('\\"12/07\\" is not a date. Write it as YYYY-MM-DD');
    expect(malformed).toContain('"response_type":"ephemeral"');
    await h.command('/quiz', 'exam-date 2026-11-26', { user: 'U1', responseId: 'past' });
    expect(await replyTo(h, 'past')).toContain('2026-11-26 has already passed (today is 2026-11-27)');
    await h.command('/quiz', 'exam-date 2029-01-01', { user: 'U1', responseId: 'far' });
    expect(await replyTo(h, 'far')).toContain(
      'more than 2 years ahead (the latest date accepted is 2028-11-27)',
    );

    await h.command('/quiz', 'exam-date 2026-12-07', { user: 'U1', responseId: 'set' });
    expect(await replyTo(h, 'set')).toContain('Exam date set: 2026-12-07 (10 days left)');
    await h.command('/quiz', 'me', { user: 'U1', responseId: 'me' });
    expect(await replyTo(h, 'me')).toContain('Exam: 2026-12-07, 10 days left');
    await h.command('/quiz', 'ready', { user: 'U1', responseId: 'ready' });
    expect(await replyTo(h, 'ready')).toContain('Exam: 2026-12-07, 10 days left');
    // Per player: another member of the workspace has no date.
    await h.command('/quiz', 'me', { user: 'U2', responseId: 'me-u2' });
    expect(await replyTo(h, 'me-u2')).not.toContain('Exam:');

    clock.advance(3 * 86_400_000);
    await h.event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '1.1' });
    await expect.poll(() => h.fake.callsOf('views.publish').length, { timeout: 3000 }).toBe(1);
    expect(JSON.stringify(h.fake.callsOf('views.publish')[0]?.body)).toContain(
      'Exam: 2026-12-07, 7 days left',
    );

    // Only a player with a date costs a users.info call, and only to read the date in their zone.
    expect(h.fake.callsOf('users.info').filter((c) => c.body.user === 'U2')).toEqual([]);

    await h.command('/quiz', 'exam-date off', { user: 'U1', responseId: 'off' });
    expect(await replyTo(h, 'off')).toContain('Exam date cleared.');
    await h.command('/quiz', 'me', { user: 'U1', responseId: 'me-after' });
    expect(await replyTo(h, 'me-after')).not.toContain('Exam:');
  });

  it("reads the date in the player's own Slack time zone when the profile has one", async () => {
    // 2026-11-27 09:00 in Tokyo is still 2026-11-26 16:00 in Los Angeles.
    const clock = new ManualClock(Date.parse('2026-11-27T00:00:00Z'));
    const h = await startSlackHarness({ clock });
    harness = h;
    h.fake.timeZones.set('ULA', 'America/Los_Angeles');

    await h.command('/quiz', 'exam-date 2026-11-26', { user: 'U1', responseId: 'tokyo' });
    expect(await replyTo(h, 'tokyo')).toContain('2026-11-26 has already passed (today is 2026-11-27)');
    await h.command('/quiz', 'exam-date 2026-11-26', { user: 'ULA', responseId: 'la' });
    expect(await replyTo(h, 'la')).toContain('Exam date set: 2026-11-26 (today)');
    await h.command('/quiz', 'me', { user: 'ULA', responseId: 'la-me' });
    expect(await replyTo(h, 'la-me')).toContain('Exam: today (2026-11-26). Good luck!');
    await h.command('/quiz', 'exam-date 2026-12-10', { user: 'ULA', responseId: 'la-later' });
    expect(await replyTo(h, 'la-later')).toContain('Exam date set: 2026-12-10 (14 days left)');
  });
});
