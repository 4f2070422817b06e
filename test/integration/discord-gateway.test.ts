import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscordHarness, embedOf, startDiscordHarness } from '../support/discord-harness.js';
import { ALICE, slash } from '../support/discord-interactions.js';

/** The gateway session of the real Client: identify, heartbeats, a dropped connection, redelivery. */

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness({ locale: 'en' });
});
afterAll(async () => {
  await h?.close();
});

describe('gateway', () => {
  it('identifies with the Guilds intent only, and heartbeats', async () => {
    expect(h.fake.identifies).toHaveLength(1);
    const identify = h.fake.identifies[0] as { intents: number; token: string; shard: number[] };
    expect(identify.intents).toBe(1); // GatewayIntentBits.Guilds, no privileged intents
    expect(identify.token).toBe('fake-token');
    expect(identify.shard).toEqual([0, 1]);
    const gatewayBot = h.fake.requests.find((r) => r.route === '/gateway/bot');
    expect(gatewayBot?.auth).toBe('Bot fake-token'); // discovery went through DISCORD_API_URL
    const start = h.fake.heartbeats;
    await expect.poll(() => h.fake.heartbeats, { timeout: 3000 }).toBeGreaterThan(start + 1);
  });

  it('resumes after the connection drops and handles the next interaction', async () => {
    h.fake.dropConnections(4000);
    await h.fake.waitForSessions(2);
    expect(h.fake.resumes).toHaveLength(1);
    expect(h.fake.identifies).toHaveLength(1); // resumed, not a new session
    const result = await h.interact(slash('quiz', ['me'], {}, ALICE));
    expect(embedOf(result.final).title).toBe('Stats for Alice A.');
  });

  it('an interaction Discord redelivers after a resume is answered once', async () => {
    const payload = slash('quiz', ['help'], {}, ALICE);
    const first = await h.interact(payload);
    expect(first.callbacks).toHaveLength(1);
    h.fake.dropConnections(4000);
    await h.fake.waitForSessions(3);
    h.fake.dispatchInteraction(payload); // the replay
    const marker = await h.interact(slash('quiz', ['me'], {}, ALICE));
    expect(marker.callbacks).toHaveLength(1);
    // One reply, in the callback itself: the replay was dropped.
    expect(h.fake.requests.filter((r) => r.route.includes(`/${payload.token}/`))).toHaveLength(1);
  });

  it('sends only valid payloads and logs no errors', () => {
    expect(h.limitProblems()).toEqual([]);
    expect(h.log.problems.filter((p) => p.level === 'error')).toEqual([]);
  });
});
