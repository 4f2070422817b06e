/**
 * Slack retries a delivery it thinks timed out (`x-slack-retry-num`), and Bolt does not deduplicate.
 * We remember what we have seen for a while and drop repeats; answers are idempotent in the store too,
 * so a repeat that reaches another replica still changes nothing.
 */
export class DeliveryDedupe {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly maxEntries = 50_000,
  ) {}

  /** True the first time `key` is offered within the TTL. */
  firstTime(key: string, now = Date.now()): boolean {
    const until = this.seen.get(key);
    if (until !== undefined && until > now) return false;
    if (this.seen.size >= this.maxEntries) {
      for (const [k, u] of this.seen) if (u <= now) this.seen.delete(k);
      if (this.seen.size >= this.maxEntries) this.seen.clear();
    }
    this.seen.set(key, now + this.ttlMs);
    return true;
  }
}
