import { MessageFlags } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { DashboardSignIn } from '../../src/adapters/http/dashboard/dashboard-sign-in.js';
import { MemoryDashboardStore } from '../../src/adapters/memory/memory-dashboard-store.js';
import { type DiscordHarness, startDiscordHarness } from '../support/discord-harness.js';
import { ALICE, GUILD_ID, MANAGER, slash } from '../support/discord-interactions.js';

let h: DiscordHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type ReplyBody = { type?: number; data?: { flags?: number; content?: string; embeds?: unknown[] } };

describe('Discord: /quiz dashboard', () => {
  it('without PUBLIC_URL the ephemeral reply says the dashboard is off', async () => {
    h = await startDiscordHarness({ locale: 'en' });
    const result = await h.interact(slash('quiz', ['dashboard'], {}, ALICE));
    const body = result.final.body as ReplyBody;
    expect((body.data?.flags ?? 0) & MessageFlags.Ephemeral).toBeTruthy();
    expect(JSON.stringify(body)).toContain('The web dashboard is off on this bot');
  });

  it('sends the link as ephemeral plain text with embeds suppressed, recording the guild, user and Manage Server', async () => {
    const signIn = new DashboardSignIn(new MemoryDashboardStore(), () => 'https://quiz.example.com');
    h = await startDiscordHarness({ locale: 'en', dashboard: signIn });
    const result = await h.interact(slash('quiz', ['dashboard'], {}, MANAGER));
    const body = result.final.body as ReplyBody;
    const flags = body.data?.flags ?? 0;
    expect(flags & MessageFlags.Ephemeral).toBeTruthy();
    expect(flags & MessageFlags.SuppressEmbeds).toBeTruthy();
    expect(body.data?.embeds ?? []).toEqual([]);
    const url = /https:\/\/quiz\.example\.com\/dash\/login\?t=\S+/.exec(body.data?.content ?? '')?.[0] ?? '';
    const spent = await signIn.spend(new URL(url).searchParams.get('t') ?? '');
    expect(spent?.session).toMatchObject({
      scope: `discord:${GUILD_ID}`,
      playerId: MANAGER.id,
      isAdmin: true,
    });
    expect(h.limitProblems()).toEqual([]);
  });
});
