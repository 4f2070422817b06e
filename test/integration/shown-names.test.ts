import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscordHarness, startDiscordHarness } from '../support/discord-harness.js';
import { BOB, slash } from '../support/discord-interactions.js';
import { type SlackHarness, startSlackHarness } from '../support/slack-harness.js';

/** A team name chosen to attack the markup, joined and then listed, through the real SDKs. */
const MASKED_LINK = '[Win](https://ev.il)';
const SLACK_LINK = '<https://ev.il|Win>';

describe('a hostile team name on Discord', () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness({ locale: 'en' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is shown without a masked link or a bare URL', async () => {
    await h.interact(slash('quiz', ['team', 'join'], { name: MASKED_LINK }, BOB));
    const { final } = await h.interact(slash('quiz', ['team', 'list'], {}));
    const shown = JSON.stringify(final.body);
    expect(shown).toContain('Win');
    expect(shown).not.toMatch(/\]\(/);
    expect(shown).not.toMatch(/https:\/\//);
  });
});

describe('a hostile team name on Slack', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('is shown without a link or a mention', async () => {
    await h.command('/quiz', `team join ${SLACK_LINK}`, { user: 'U2', responseId: 'join' });
    await expect.poll(() => h.fake.responsesTo('join').length).toBe(1);
    await h.command('/quiz', 'team list', { responseId: 'list' });
    await expect.poll(() => h.fake.responsesTo('list').length).toBe(1);
    const shown = JSON.stringify(h.fake.responsesTo('list'));
    expect(shown).toContain('Win');
    expect(shown).not.toMatch(/https:\/\//);
    expect(shown).not.toMatch(/<https?:/);
  });
});
