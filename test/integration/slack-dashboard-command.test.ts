import { afterEach, describe, expect, it } from 'vitest';
import { DashboardSignIn } from '../../src/adapters/http/dashboard/dashboard-sign-in.js';
import { MemoryDashboardStore } from '../../src/adapters/memory/memory-dashboard-store.js';
import { type SlackHarness, startSlackHarness, TEAM } from '../support/slack-harness.js';

let harness: SlackHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function replyTo(h: SlackHarness, id: string): Promise<Record<string, unknown>> {
  await expect.poll(() => h.fake.responsesTo(id).length, { timeout: 3000 }).toBeGreaterThan(0);
  return h.fake.responsesTo(id)[0] ?? {};
}

describe('Slack: /quiz dashboard', () => {
  it('without PUBLIC_URL the private reply says the dashboard is off', async () => {
    const h = await startSlackHarness();
    harness = h;
    await h.command('/quiz', 'dashboard', { responseId: 'd1' });
    const reply = await replyTo(h, 'd1');
    expect(reply.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply)).toContain('The web dashboard is off on this bot');
  });

  it('replies privately with a single-use link under PUBLIC_URL that records the workspace, user and admin status', async () => {
    const store = new MemoryDashboardStore();
    const signIn = new DashboardSignIn(store, () => 'https://quiz.example.com');
    const h = await startSlackHarness({ dashboard: signIn });
    harness = h;
    await h.command('/quiz', 'dashboard', { user: 'UADMIN', responseId: 'd2' });
    const reply = await replyTo(h, 'd2');
    expect(reply.response_type).toBe('ephemeral');
    const url = /https:\/\/quiz\.example\.com\/dash\/login\?t=[A-Za-z0-9_.-]+/.exec(
      JSON.stringify(reply),
    )?.[0];
    expect(url).toBeDefined();
    const token = new URL(url ?? '').searchParams.get('t') ?? '';
    expect(token.split('.')[1]).toHaveLength(43); // 32 random bytes: 256 bits
    const spent = await signIn.spend(token);
    expect(spent?.session).toMatchObject({ scope: `slack:${TEAM}`, playerId: 'UADMIN', isAdmin: true });
    expect(await signIn.spend(token)).toBeNull();
  });

  it('limits how many links one user gets in a row', async () => {
    const signIn = new DashboardSignIn(new MemoryDashboardStore(), () => 'https://quiz.example.com');
    const h = await startSlackHarness({ dashboard: signIn });
    harness = h;
    for (let i = 0; i < 6; i += 1) await h.command('/quiz', 'dashboard', { user: 'U9', responseId: `r${i}` });
    expect(JSON.stringify(await replyTo(h, 'r4'))).toContain('/dash/login?t=');
    expect(JSON.stringify(await replyTo(h, 'r5'))).toContain('asked for several links in a row');
  });
});
