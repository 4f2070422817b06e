import type { Cluster, Redis } from 'ioredis';
import { toStoreError } from './redis-errors.js';
import { RedisKeys } from './redis-keys.js';

/**
 * Signed platform requests already handled, across replicas, so a replayed one is dropped.
 *
 * - `<prefix>:seen:<key>`  STRING `1`, SET NX PX: the request's signature, kept for the window in which
 *                          its timestamp is accepted; single-key commands only (any Cluster slot).
 */
export class RedisSeenRequests {
  private readonly keys: RedisKeys;

  constructor(
    private readonly client: Redis | Cluster,
    options: { prefix?: string } = {},
  ) {
    this.keys = new RedisKeys(options.prefix);
  }

  /** True the first time `key` is seen within `ttlMs`, false for a repeat. */
  async firstSeen(key: string, ttlMs: number): Promise<boolean> {
    try {
      const set = await this.client.set(`${this.keys.prefix}:seen:${key}`, '1', 'PX', ttlMs, 'NX');
      return set === 'OK';
    } catch (error) {
      throw toStoreError(error, 'seenRequest');
    }
  }
}
