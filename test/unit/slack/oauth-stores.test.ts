import { describe, expect, it } from 'vitest';
import { RefusedStateError, SignedStateStore } from '../../../src/adapters/slack/oauth/signed-state-store.js';
import { SlackInstallations } from '../../../src/adapters/slack/oauth/slack-installations.js';
import { slackOAuth } from '../../../src/adapters/slack/oauth/slack-oauth.js';
import { silentLogger } from '../../../src/core/ports/logger.js';

/** State and installation records in memory, with TTLs on a manual clock. */
class MemoryRecords {
  now = 0;
  readonly reads: string[] = [];
  readonly spent = new Map<string, number>();
  private readonly installs = new Map<string, string>();

  async spendState(nonce: string, ttlMs: number) {
    const until = this.spent.get(nonce);
    if (until !== undefined && until > this.now) return false;
    this.spent.set(nonce, this.now + ttlMs);
    return true;
  }
  async stateCheckAvailable() {
    return true;
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

describe('SignedStateStore', () => {
  const at = (ms: number) => new Date(Date.UTC(2030, 0, 1) + ms);

  it('writes nothing when an install starts, and spends a returned state once for its remaining lifetime', async () => {
    const records = new MemoryRecords();
    const store = new SignedStateStore(records, 'secret-of-the-app', options, 600_000);
    const state = await store.generateStateParam({ scopes: [] }, at(0));
    expect(state).toMatch(/^[\w-]{24}\.\d+\.[\w-]{43}$/);
    expect(records.spent.size).toBe(0);

    records.now = 60_000;
    expect(await store.verifyStateParam(at(60_000), state)).toEqual(options);
    expect([...records.spent.values()]).toEqual([600_000]);
    await expect(store.verifyStateParam(at(61_000), state)).rejects.toMatchObject({
      reason: 'expired-or-used',
    });
  });

  it('refuses forged, tampered, foreign and expired states without a store call', async () => {
    const records = new MemoryRecords();
    const store = new SignedStateStore(records, 'secret-of-the-app', options, 600_000);
    const state = await store.generateStateParam(options, at(0));
    const [nonce, expiry, signature] = state.split('.');
    const refusedAs = (given: string, reason: string, now = at(1000)) =>
      expect(store.verifyStateParam(now, given)).rejects.toMatchObject({ reason });
    await refusedAs(`${nonce}.${expiry}.${'x'.repeat(43)}`, 'forged');
    // A later expiry under the old signature: the signature covers the expiry.
    await refusedAs(`${nonce}.${Number(expiry) + 3_600_000}.${signature}`, 'forged');
    await refusedAs('no-dot', 'forged');
    const other = new SignedStateStore(records, 'another-secret', options, 600_000);
    await expect(other.verifyStateParam(at(1000), state)).rejects.toBeInstanceOf(RefusedStateError);
    await refusedAs(state, 'expired-or-used', at(600_001));
    expect(records.spent.size).toBe(0);
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
