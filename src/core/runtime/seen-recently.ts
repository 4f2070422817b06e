import { LRUCache } from 'lru-cache';

/**
 * Remembers keys for a while and says whether one is new. Platforms redeliver: Slack retries a delivery
 * it thinks timed out, Discord may dispatch an interaction again after a resume, and neither SDK
 * deduplicates. A repeat that reaches another process still changes nothing, because answers are
 * idempotent in the store; this only spares the user a second reply. Bounded in size and age: past
 * `maxEntries` the least recently seen are forgotten, risking a rare second reply, never a second answer.
 */
export class SeenRecently {
  private readonly seen: LRUCache<string, true>;

  constructor(ttlMs: number, maxEntries = 50_000) {
    this.seen = new LRUCache<string, true>({ max: maxEntries, ttl: ttlMs, ttlAutopurge: false });
  }

  /** True the first time `key` is offered within the TTL. */
  firstTime(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.set(key, true);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}
