/**
 * After a gateway resume Discord may dispatch an interaction again, and discord.js does not deduplicate.
 * Interaction ids are unique, so we remember the recent ones and drop repeats; a repeat that reaches
 * another shard or process still changes nothing, because answers are idempotent in the store.
 */
export class InteractionDedupe {
  private readonly seen = new Map<string, number>();

  constructor(
    /** An interaction token lives 15 minutes; nothing is redelivered after that. */
    private readonly ttlMs = 15 * 60_000,
    private readonly maxEntries = 50_000,
  ) {}

  /** True the first time `id` is offered within the TTL. */
  firstTime(id: string, now = Date.now()): boolean {
    const until = this.seen.get(id);
    if (until !== undefined && until > now) return false;
    if (this.seen.size >= this.maxEntries) {
      for (const [key, expires] of this.seen) if (expires <= now) this.seen.delete(key);
      // Still full of live ids: forgetting them all risks a rare double reply, never a double answer.
      if (this.seen.size >= this.maxEntries) this.seen.clear();
    }
    this.seen.set(id, now + this.ttlMs);
    return true;
  }
}
