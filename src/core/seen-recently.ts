/**
 * Remembers keys for a while and says whether one is new. Platforms redeliver: Slack retries a delivery
 * it thinks timed out, Discord may dispatch an interaction again after a resume, and neither SDK
 * deduplicates. A repeat that reaches another process still changes nothing, because answers are
 * idempotent in the store; this only spares the user a second reply.
 */
export class SeenRecently {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
  ) {}

  /** True the first time `key` is offered within the TTL. */
  firstTime(key: string, now = Date.now()): boolean {
    const until = this.seen.get(key);
    if (until !== undefined && until > now) return false;
    if (this.seen.size >= this.maxEntries) {
      for (const [k, expires] of this.seen) if (expires <= now) this.seen.delete(k);
      // Still full of live keys: forgetting them risks a rare second reply, never a second answer.
      if (this.seen.size >= this.maxEntries) this.seen.clear();
    }
    this.seen.set(key, now + this.ttlMs);
    return true;
  }
}
