import { LRUCache } from 'lru-cache';
import type { Clock } from '../../../core/ports/clock.js';

interface Entry<T> {
  /** When `value` was asked for. */
  at: number;
  value: Promise<T>;
  /** Whether `value` has resolved (only a resolved value is served while a newer one loads). */
  ready: boolean;
  /** A newer value being loaded, while this one is served. */
  refreshing?: Promise<T>;
}

/**
 * A scope's costly page model (every player's log, every first answer), kept for a short while: an admin
 * clicking through the pages, or several viewers of one workspace, then costs one read of the store.
 *
 * Concurrent requests share one load. Once the model is older than `ttlMs`, the next request starts a
 * reload and is still answered from the kept model (stale while revalidating), so only a scope's very
 * first request waits for a full read; a model is never served older than two `ttlMs` plus a load's time,
 * unless reloads fail (each failure is forgotten, and the next request tries again).
 */
export class ScopeCache<T> {
  private readonly entries: LRUCache<string, Entry<T>>;

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number,
    maxScopes = 200,
  ) {
    this.entries = new LRUCache({ max: maxScopes });
  }

  get(scope: string, load: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return load();
    const now = this.clock.now();
    const kept = this.entries.get(scope);
    if (kept && now - kept.at < this.ttlMs) return kept.value;
    if (kept?.ready && now - kept.at < 2 * this.ttlMs) {
      if (!kept.refreshing) this.refresh(scope, kept, load, now);
      return kept.value;
    }
    return this.loadInto(scope, load, now);
  }

  private loadInto(scope: string, load: () => Promise<T>, now: number): Promise<T> {
    const entry: Entry<T> = { at: now, value: load(), ready: false };
    this.entries.set(scope, entry);
    entry.value.then(
      () => {
        entry.ready = true;
      },
      () => {
        if (this.entries.get(scope) === entry) this.entries.delete(scope);
      },
    );
    return entry.value;
  }

  private refresh(scope: string, kept: Entry<T>, load: () => Promise<T>, now: number): void {
    const next = load();
    kept.refreshing = next;
    next.then(
      () => {
        if (this.entries.get(scope) === kept) this.entries.set(scope, { at: now, value: next, ready: true });
      },
      () => {
        kept.refreshing = undefined;
      },
    );
  }
}
