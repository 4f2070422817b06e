import { LRUCache } from 'lru-cache';

/**
 * Signed platform requests already handled, in this process (the memory store's equivalent of
 * RedisSeenRequests): a replayed request is dropped. Bounded: the oldest are forgotten first.
 */
export class MemorySeenRequests {
  private readonly seen: LRUCache<string, true>;

  constructor(max = 100_000) {
    this.seen = new LRUCache({ max });
  }

  /** True the first time `key` is seen within `ttlMs`, false for a repeat. */
  async firstSeen(key: string, ttlMs: number): Promise<boolean> {
    if (this.seen.has(key)) return false;
    this.seen.set(key, true, { ttl: ttlMs });
    return true;
  }
}
