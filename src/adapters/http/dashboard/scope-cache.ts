import { LRUCache } from 'lru-cache';
import type { Clock } from '../../../core/ports/clock.js';

/**
 * A scope's costly page model (every player's log, every first answer), kept for a short while: an admin
 * clicking through the pages, or several viewers of one workspace, then costs one read of the store. The
 * promise is kept, so concurrent requests share one load; a failed load is forgotten at once.
 */
export class ScopeCache<T> {
  private readonly entries: LRUCache<string, { at: number; value: Promise<T> }>;

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
    maxScopes = 200,
  ) {
    this.entries = new LRUCache({ max: maxScopes });
  }

  get(scope: string, load: () => Promise<T>): Promise<T> {
    const now = this.clock.now();
    const kept = this.entries.get(scope);
    if (kept && now - kept.at < this.ttlMs) return kept.value;
    const value = load();
    if (this.ttlMs > 0) {
      const entry = { at: now, value };
      this.entries.set(scope, entry);
      value.catch(() => {
        if (this.entries.get(scope) === entry) this.entries.delete(scope);
      });
    }
    return value;
  }
}
