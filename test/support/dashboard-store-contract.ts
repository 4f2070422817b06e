import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DashboardStore } from '../../src/core/ports/dashboard-store.js';

const MIN = 60_000;

/** What every DashboardStore must do, run against the memory store and a real redis-server. */
export function describeDashboardStoreContract(name: string, make: () => Promise<DashboardStore>): void {
  describe(`${name} (dashboard store contract)`, () => {
    const scope = (): string => `slack:T${randomUUID().slice(0, 8)}`;
    const grant = (s: string, isAdmin = false) => ({ scope: s, playerId: 'U1', isAdmin });
    const session = (s: string) => ({ ...grant(s, true), csrfToken: 'csrf-1', createdAt: 5 });

    it('spends a sign-in link once: the second take finds nothing', async () => {
      const store = await make();
      const s = scope();
      await store.putLoginToken('h1', grant(s, true), 10 * MIN);
      expect(await store.hasLoginToken(s, 'h1')).toBe(true);
      expect(await store.takeLoginToken(s, 'h1')).toEqual(grant(s, true));
      expect(await store.takeLoginToken(s, 'h1')).toBeNull();
      expect(await store.hasLoginToken(s, 'h1')).toBe(false);
    });

    it('finds a link only under its own scope', async () => {
      const store = await make();
      const [a, b] = [scope(), scope()];
      await store.putLoginToken('h1', grant(a), 10 * MIN);
      expect(await store.hasLoginToken(b, 'h1')).toBe(false);
      expect(await store.takeLoginToken(b, 'h1')).toBeNull();
      expect(await store.takeLoginToken(a, 'h1')).toEqual(grant(a));
    });

    it('of two concurrent takes of one link, exactly one gets the grant', async () => {
      const store = await make();
      const s = scope();
      await store.putLoginToken('h2', grant(s), 10 * MIN);
      const results = await Promise.all([store.takeLoginToken(s, 'h2'), store.takeLoginToken(s, 'h2')]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
    });

    it('keeps, reads and deletes a session under its scope', async () => {
      const store = await make();
      const [a, b] = [scope(), scope()];
      await store.putSession('s1', session(a), 12 * 60 * MIN);
      expect(await store.getSession(a, 's1')).toEqual(session(a));
      expect(await store.getSession(b, 's1')).toBeNull();
      await store.deleteSession(a, 's1');
      expect(await store.getSession(a, 's1')).toBeNull();
      await store.deleteSession(a, 's1');
    });

    it('deletes every session and link of one scope, and none of another', async () => {
      const store = await make();
      const [a, b] = [scope(), scope()];
      await store.putSession('s1', session(a), 12 * 60 * MIN);
      await store.putSession('s2', session(a), 12 * 60 * MIN);
      await store.putLoginToken('t1', grant(a), 10 * MIN);
      await store.putSession('s3', session(b), 12 * 60 * MIN);
      expect(await store.deleteScope(a)).toBe(2);
      expect(await store.getSession(a, 's1')).toBeNull();
      expect(await store.getSession(a, 's2')).toBeNull();
      expect(await store.hasLoginToken(a, 't1')).toBe(false);
      expect(await store.getSession(b, 's3')).toEqual(session(b));
      expect(await store.deleteScope(a)).toBe(0);
    });

    it('counts links issued per player within a window', async () => {
      const store = await make();
      const s = scope();
      expect(await store.countLinkIssued(s, 'U1', 10 * MIN)).toBe(1);
      expect(await store.countLinkIssued(s, 'U1', 10 * MIN)).toBe(2);
      expect(await store.countLinkIssued(s, 'U2', 10 * MIN)).toBe(1);
    });

    it('forgets a link after its time', async () => {
      const store = await make();
      const s = scope();
      await store.putLoginToken('h3', grant(s), 50);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(await store.takeLoginToken(s, 'h3')).toBeNull();
    });
  });
}
