import type { Cluster, Redis } from 'ioredis';
import { toStoreError } from './redis-errors.js';
import { RedisKeys } from './redis-keys.js';

/**
 * Slack installations (multi-workspace mode) and the one-time OAuth states, as opaque JSON records.
 * The Slack adapter decides what goes in them; this class only knows the keys.
 *
 * - `<prefix>:{slack:<teamId>}:install`  STRING  the workspace's installation as JSON (bot token, bot ids,
 *                                                 scopes, team name); no TTL; written by the OAuth redirect,
 *                                                 deleted by app_uninstalled / tokens_revoked.
 * - `<prefix>:slack:installs`            SET     team ids with an installation (the metric, the removal tool);
 *                                                 cross-scope, single-key commands only.
 * - `<prefix>:oauth-spent:<nonce>`       STRING  `1`: a returned install state, spent (SET NX) for the rest of
 *                                                 its lifetime (at most 10 min), so it is accepted once.
 *                                                 Starting an install writes nothing.
 */
export class RedisSlackInstallations {
  private readonly keys: RedisKeys;

  constructor(
    private readonly client: Redis | Cluster,
    options: { prefix?: string } = {},
  ) {
    this.keys = new RedisKeys(options.prefix);
  }

  async get(teamId: string): Promise<string | null> {
    return this.guard('getInstallation', () => this.client.get(this.installKey(teamId)));
  }

  async put(teamId: string, json: string): Promise<void> {
    await this.guard('putInstallation', async () => {
      // The record first: an index entry without one only overcounts until the next delete.
      await this.client.set(this.installKey(teamId), json);
      await this.client.sadd(this.indexKey(), teamId);
    });
  }

  /** Returns whether there was one. */
  async delete(teamId: string): Promise<boolean> {
    return this.guard('deleteInstallation', async () => {
      const removed = await this.client.del(this.installKey(teamId));
      await this.client.srem(this.indexKey(), teamId);
      return removed > 0;
    });
  }

  async count(): Promise<number> {
    return this.guard('countInstallations', () => this.client.scard(this.indexKey()));
  }

  async teamIds(): Promise<string[]> {
    return this.guard('listInstallations', () => this.client.smembers(this.indexKey()));
  }

  /** Marks the state spent for `ttlMs`; true the first time, false when it was spent already. */
  async spendState(nonce: string, ttlMs: number): Promise<boolean> {
    const set = await this.guard('spendOAuthState', () =>
      this.client.set(this.stateKey(nonce), '1', 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX'),
    );
    return set === 'OK';
  }

  /**
   * Whether a returned state could be checked now: the client is connected and Redis answers a PING
   * within `timeoutMs` (a stalled server keeps the connection up). Writes nothing.
   */
  async stateCheckAvailable(timeoutMs = 500): Promise<boolean> {
    if (this.client.status !== 'ready') return false;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const ping = this.client.ping().then(
      () => true,
      () => false,
    );
    const answered = await Promise.race([ping, late]);
    clearTimeout(timer);
    return answered;
  }

  private installKey(teamId: string): string {
    return `${this.keys.scope(`slack:${teamId}`)}install`;
  }

  private indexKey(): string {
    return `${this.keys.prefix}:slack:installs`;
  }

  private stateKey(nonce: string): string {
    return `${this.keys.prefix}:oauth-spent:${nonce}`;
  }

  private async guard<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toStoreError(error, operation);
    }
  }
}
