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
 * - `<prefix>:oauth-state:<nonce>`       STRING  the install options of one started install; TTL 10 min;
 *                                                 GETDEL on the redirect, so a state is accepted once.
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

  async putState(nonce: string, json: string, ttlMs: number): Promise<void> {
    await this.guard('putOAuthState', () => this.client.set(this.stateKey(nonce), json, 'PX', ttlMs));
  }

  /** The state's record, removed in the same command: a second take of the same nonce gets null. */
  async takeState(nonce: string): Promise<string | null> {
    return this.guard('takeOAuthState', () => this.client.getdel(this.stateKey(nonce)));
  }

  private installKey(teamId: string): string {
    return `${this.keys.scope(`slack:${teamId}`)}install`;
  }

  private indexKey(): string {
    return `${this.keys.prefix}:slack:installs`;
  }

  private stateKey(nonce: string): string {
    return `${this.keys.prefix}:oauth-state:${nonce}`;
  }

  private async guard<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toStoreError(error, operation);
    }
  }
}
