import { LRUCache } from 'lru-cache';
import type { DashboardGrant, DashboardSession, DashboardStore } from '../../core/ports/dashboard-store.js';

type Entry = { kind: 'token'; grant: DashboardGrant } | { kind: 'session'; session: DashboardSession };

/**
 * The dashboard's links and sessions in this process (the memory store's equivalent of
 * RedisDashboardStore, same semantics). Bounded: the oldest are forgotten first.
 */
export class MemoryDashboardStore implements DashboardStore {
  private readonly entries: LRUCache<string, Entry>;
  private readonly counters: LRUCache<string, { count: number }>;

  constructor(
    max = 100_000,
    private readonly now: () => number = Date.now,
  ) {
    const perf = { now: () => this.now() };
    this.entries = new LRUCache({ max, perf, ttlAutopurge: false });
    this.counters = new LRUCache({ max, perf });
  }

  async putLoginToken(tokenHash: string, grant: DashboardGrant, ttlMs: number): Promise<void> {
    this.entries.set(
      key(grant.scope, 't', tokenHash),
      { kind: 'token', grant: { ...grant } },
      { ttl: ttlMs },
    );
  }

  async hasLoginToken(scope: string, tokenHash: string): Promise<boolean> {
    return this.entries.get(key(scope, 't', tokenHash))?.kind === 'token';
  }

  async takeLoginToken(scope: string, tokenHash: string): Promise<DashboardGrant | null> {
    const k = key(scope, 't', tokenHash);
    const entry = this.entries.get(k);
    this.entries.delete(k);
    return entry?.kind === 'token' ? { ...entry.grant } : null;
  }

  async putSession(sessionHash: string, session: DashboardSession, ttlMs: number): Promise<void> {
    this.entries.set(
      key(session.scope, 's', sessionHash),
      { kind: 'session', session: { ...session } },
      { ttl: ttlMs },
    );
  }

  async getSession(scope: string, sessionHash: string): Promise<DashboardSession | null> {
    const entry = this.entries.get(key(scope, 's', sessionHash));
    return entry?.kind === 'session' ? { ...entry.session } : null;
  }

  async deleteSession(scope: string, sessionHash: string): Promise<void> {
    this.entries.delete(key(scope, 's', sessionHash));
  }

  async deleteScope(scope: string): Promise<number> {
    let sessions = 0;
    const start = `${scope}|`;
    for (const k of [...this.entries.keys()]) {
      if (!k.startsWith(start)) continue;
      if (this.entries.get(k)?.kind === 'session') sessions += 1;
      this.entries.delete(k);
    }
    for (const k of [...this.counters.keys()]) if (k.startsWith(start)) this.counters.delete(k);
    return sessions;
  }

  async countLinkIssued(scope: string, playerId: string, windowMs: number): Promise<number> {
    const k = key(scope, 'n', playerId);
    const current = this.counters.get(k);
    if (current) {
      current.count += 1;
      return current.count;
    }
    this.counters.set(k, { count: 1 }, { ttl: windowMs });
    return 1;
  }
}

function key(scope: string, kind: 't' | 's' | 'n', id: string): string {
  return `${scope}|${kind}|${id}`;
}
