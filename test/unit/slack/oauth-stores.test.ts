import { describe, expect, it } from 'vitest';
import {
  OneTimeStateStore,
  RefusedStateError,
} from '../../../src/adapters/slack/oauth/one-time-state-store.js';
import { SlackInstallations } from '../../../src/adapters/slack/oauth/slack-installations.js';
import { slackOAuth } from '../../../src/adapters/slack/oauth/slack-oauth.js';
import { silentLogger } from '../../../src/core/ports/logger.js';

/** State and installation records in memory, with TTLs on a manual clock. */
class MemoryRecords {
  now = 0;
  readonly reads: string[] = [];
  private readonly states = new Map<string, { json: string; until: number }>();
  private readonly installs = new Map<string, string>();

  async putState(nonce: string, json: string, ttlMs: number) {
    this.states.set(nonce, { json, until: this.now + ttlMs });
  }
  async takeState(nonce: string) {
    const hit = this.states.get(nonce);
    this.states.delete(nonce);
    return hit && hit.until > this.now ? hit.json : null;
  }
  async get(teamId: string) {
    this.reads.push(teamId);
    return this.installs.get(teamId) ?? null;
  }
  async put(teamId: string, json: string) {
    this.installs.set(teamId, json);
  }
  async delete(teamId: string) {
    return this.installs.delete(teamId);
  }
  async count() {
    return this.installs.size;
  }
}

const options = { scopes: ['commands'], metadata: 'm' };

describe('OneTimeStateStore', () => {
  it('gives back the install options once, and refuses forged, reused and expired states', async () => {
    const records = new MemoryRecords();
    const store = new OneTimeStateStore(records, 'secret-of-the-app', 600_000);
    const state = await store.generateStateParam(options, new Date());
    expect(state).toMatch(/^[\w-]{24}\.[\w-]{43}$/);
    expect(await store.verifyStateParam(new Date(), state)).toEqual(options);
    await expect(store.verifyStateParam(new Date(), state)).rejects.toMatchObject({
      reason: 'expired-or-used',
    });

    const [nonce] = (await store.generateStateParam(options, new Date())).split('.');
    await expect(store.verifyStateParam(new Date(), `${nonce}.${'x'.repeat(43)}`)).rejects.toMatchObject({
      reason: 'forged',
    });
    const other = new OneTimeStateStore(records, 'another-secret', 600_000);
    await expect(
      other.verifyStateParam(new Date(), await store.generateStateParam(options, new Date())),
    ).rejects.toBeInstanceOf(RefusedStateError);
    await expect(store.verifyStateParam(new Date(), 'no-dot')).rejects.toMatchObject({ reason: 'forged' });

    const late = await store.generateStateParam(options, new Date());
    records.now += 600_001;
    await expect(store.verifyStateParam(new Date(), late)).rejects.toMatchObject({
      reason: 'expired-or-used',
    });
  });
});

describe('SlackInstallations', () => {
  const installation = {
    team: { id: 'T1', name: 'One' },
    enterprise: undefined,
    user: { id: 'UINSTALLER', token: 'xoxp-user-token', scopes: ['identify'] },
    bot: { token: 'xoxb-1', id: 'B1', userId: 'UB1', scopes: ['commands'] },
    appId: 'A1',
    isEnterpriseInstall: false,
    authVersion: 'v2' as const,
  };

  it('keeps the bot token only, caches reads, and forgets on demand', async () => {
    const records = new MemoryRecords();
    const installations = new SlackInstallations(records, { ttlMs: 30_000, now: () => 5 });
    await installations.storeInstallation(installation);
    expect(JSON.parse((await records.get('T1')) ?? '')).toEqual({
      teamId: 'T1',
      teamName: 'One',
      appId: 'A1',
      botToken: 'xoxb-1',
      botId: 'B1',
      botUserId: 'UB1',
      scopes: ['commands'],
      installedAt: 5,
    });
    records.reads.length = 0;
    const fetched = await installations.fetchInstallation({
      teamId: 'T1',
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(fetched.bot?.token).toBe('xoxb-1');
    expect(fetched.user.token).toBeUndefined();
    expect(records.reads).toEqual([]);
    installations.forget('T1');
    expect(await installations.botToken('T1')).toBe('xoxb-1');
    expect(records.reads).toEqual(['T1']);

    expect(await installations.remove('T1')).toBe(true);
    expect(await installations.botToken('T1')).toBeNull();
    await expect(
      installations.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow('no installation for team T1');
  });
});

describe('the installation cache of multi-workspace mode, as slackOAuth builds it', () => {
  it('holds at most 10,000 workspaces however many click within its lifetime', async () => {
    const records = new MemoryRecords();
    const teams = 25_000;
    for (let i = 0; i < teams; i++) {
      await records.put(
        `T${i}`,
        JSON.stringify({ teamId: `T${i}`, botToken: `xoxb-${i}`, botId: 'B', botUserId: 'U', scopes: [] }),
      );
    }
    const { installations } = slackOAuth({
      settings: { clientId: '1.2', clientSecret: 'secret', stateSecret: 'state-secret' },
      records,
      client: () => {
        throw new Error('no Web API in this test');
      },
      clientOptions: {},
      onInstalled: async () => {},
      locale: 'en',
      log: silentLogger,
    });
    // A click from each of 25,000 workspaces within the cache lifetime (30 s): a size cap, not only a TTL.
    for (let i = 0; i < teams; i++) expect(await installations.botToken(`T${i}`)).toBe(`xoxb-${i}`);
    expect(installations.cachedCount).toBeLessThanOrEqual(10_000);
    records.reads.length = 0;
    await installations.botToken(`T${teams - 1}`); // recent: from the cache
    await installations.botToken('T0'); // least recently used: read again
    expect(records.reads).toEqual(['T0']);
  });
});
