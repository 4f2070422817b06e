import type { Cluster, Redis } from 'ioredis';
import type { DashboardGrant, DashboardSession, DashboardStore } from '../../core/ports/dashboard-store.js';
import { toStoreError } from './redis-errors.js';
import { RedisKeys } from './redis-keys.js';

/**
 * The dashboard's sign-in links and sessions, shared by the replicas (docs/redis-keys.md):
 *
 * - `<prefix>:{<scope>}:dlogin:<sha256 hex>`  STRING (JSON grant), PX 10 min; spent with GETDEL
 * - `<prefix>:{<scope>}:dsession:<sha256 hex>` STRING (JSON session), PX 12 h
 * - `<prefix>:{<scope>}:dkeys`                 SET of the two kinds of keys above, for `deleteScope`
 * - `<prefix>:{<scope>}:dlinks:<playerId>`     STRING counter, PX the rate window (links issued)
 *
 * Every key carries the scope's hash tag (one Cluster slot per scope), so `slack:remove-workspace`
 * deletes them with the rest of the workspace.
 */
export class RedisDashboardStore implements DashboardStore {
  private readonly keys: RedisKeys;

  constructor(
    private readonly client: Redis | Cluster,
    options: { prefix?: string } = {},
  ) {
    this.keys = new RedisKeys(options.prefix);
  }

  async putLoginToken(tokenHash: string, grant: DashboardGrant, ttlMs: number): Promise<void> {
    await this.write(
      grant.scope,
      this.login(grant.scope, tokenHash),
      JSON.stringify(grant),
      ttlMs,
      'dashboardLink',
    );
  }

  async hasLoginToken(scope: string, tokenHash: string): Promise<boolean> {
    try {
      return (await this.client.exists(this.login(scope, tokenHash))) === 1;
    } catch (error) {
      throw toStoreError(error, 'dashboardLink');
    }
  }

  async takeLoginToken(scope: string, tokenHash: string): Promise<DashboardGrant | null> {
    const key = this.login(scope, tokenHash);
    try {
      const raw = await this.client.getdel(key);
      if (raw === null) return null;
      await this.client.srem(this.index(scope), key);
      return grantFrom(raw, scope);
    } catch (error) {
      throw toStoreError(error, 'dashboardLink');
    }
  }

  async putSession(sessionHash: string, session: DashboardSession, ttlMs: number): Promise<void> {
    await this.write(
      session.scope,
      this.session(session.scope, sessionHash),
      JSON.stringify(session),
      ttlMs,
      'dashboardSession',
    );
  }

  async getSession(scope: string, sessionHash: string): Promise<DashboardSession | null> {
    try {
      const raw = await this.client.get(this.session(scope, sessionHash));
      return raw === null ? null : sessionFrom(raw, scope);
    } catch (error) {
      throw toStoreError(error, 'dashboardSession');
    }
  }

  async deleteSession(scope: string, sessionHash: string): Promise<void> {
    const key = this.session(scope, sessionHash);
    try {
      await this.client.multi().del(key).srem(this.index(scope), key).exec();
    } catch (error) {
      throw toStoreError(error, 'dashboardSession');
    }
  }

  async deleteScope(scope: string): Promise<number> {
    try {
      const index = this.index(scope);
      const listed = await this.client.smembers(index);
      if (listed.length === 0) return 0;
      // Only the sessions still alive count; expired ones are just tidied out of the set.
      const sessions = listed.filter((k) => k.includes(':dsession:'));
      const alive = sessions.length > 0 ? await this.client.exists(...sessions) : 0;
      await this.client.del(...listed, index);
      return alive;
    } catch (error) {
      throw toStoreError(error, 'dashboardSession');
    }
  }

  async countLinkIssued(scope: string, playerId: string, windowMs: number): Promise<number> {
    const key = `${this.keys.scope(scope)}dlinks:${playerId}`;
    try {
      const results = await this.client.multi().incr(key).pexpire(key, windowMs, 'NX').exec();
      const count = results?.[0]?.[1];
      return typeof count === 'number' ? count : Number(count);
    } catch (error) {
      throw toStoreError(error, 'dashboardLink');
    }
  }

  private async write(
    scope: string,
    key: string,
    value: string,
    ttlMs: number,
    operation: string,
  ): Promise<void> {
    const index = this.index(scope);
    try {
      // The index outlives its longest member (a session); members that expired are tidied by deleteScope.
      await this.client
        .multi()
        .set(key, value, 'PX', ttlMs)
        .sadd(index, key)
        .pexpire(index, ttlMs, 'GT')
        .pexpire(index, ttlMs, 'NX')
        .exec();
    } catch (error) {
      throw toStoreError(error, operation);
    }
  }

  private login(scope: string, tokenHash: string): string {
    return `${this.keys.scope(scope)}dlogin:${tokenHash}`;
  }

  private session(scope: string, sessionHash: string): string {
    return `${this.keys.scope(scope)}dsession:${sessionHash}`;
  }

  private index(scope: string): string {
    return `${this.keys.scope(scope)}dkeys`;
  }
}

/** A stored grant, trusted only for the scope whose key held it. */
function grantFrom(raw: string, scope: string): DashboardGrant | null {
  const parsed = JSON.parse(raw) as Partial<DashboardGrant>;
  if (parsed.scope !== scope || typeof parsed.playerId !== 'string') return null;
  return { scope, playerId: parsed.playerId, isAdmin: parsed.isAdmin === true };
}

function sessionFrom(raw: string, scope: string): DashboardSession | null {
  const parsed = JSON.parse(raw) as Partial<DashboardSession>;
  const grant = grantFrom(raw, scope);
  if (!grant || typeof parsed.csrfToken !== 'string') return null;
  return { ...grant, csrfToken: parsed.csrfToken, createdAt: Number(parsed.createdAt ?? 0) };
}
