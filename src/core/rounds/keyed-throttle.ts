import { LRUCache } from 'lru-cache';

interface Entry {
  last: number;
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
}

/**
 * Runs `task(key)` at most once per `intervalMs` per key, always with a trailing run after the last
 * request, so a burst of 500 answers becomes a handful of message edits that end on the final count.
 * Keys are bounded in number and age: a key nobody forgets (a round revealed by another replica) is
 * dropped after an hour or when `maxKeys` newer ones crowd it out, its pending run cancelled.
 */
export class KeyedThrottle {
  private readonly state: LRUCache<string, Entry>;

  constructor(
    private readonly intervalMs: number,
    private readonly task: (key: string) => Promise<void>,
    private readonly onError: (error: unknown, key: string) => void,
    options: { maxKeys?: number; maxAgeMs?: number } = {},
  ) {
    this.state = new LRUCache<string, Entry>({
      max: options.maxKeys ?? 10_000,
      ttl: Math.max(options.maxAgeMs ?? 60 * 60_000, intervalMs * 2),
      dispose: (entry) => clearTimeout(entry.timer),
    });
  }

  get size(): number {
    return this.state.size;
  }

  request(key: string): void {
    let entry = this.state.get(key);
    if (!entry) {
      entry = { last: 0 };
      this.state.set(key, entry);
    }
    if (entry.timer) return; // a run is already scheduled; it will see the newest state
    const scheduled = entry;
    const wait = Math.max(0, scheduled.last + this.intervalMs - Date.now());
    scheduled.timer = setTimeout(() => {
      scheduled.timer = undefined;
      scheduled.last = Date.now();
      scheduled.running = this.run(key);
    }, wait);
    scheduled.timer.unref?.();
  }

  /** Runs what is pending now and waits for it (shutdown, tests). */
  async flush(): Promise<void> {
    const pending: Promise<void>[] = [];
    for (const [key, entry] of this.state.entries()) {
      if (entry.timer) {
        clearTimeout(entry.timer);
        entry.timer = undefined;
        entry.last = Date.now();
        entry.running = this.run(key);
        pending.push(entry.running);
      } else if (entry.running) pending.push(entry.running);
    }
    await Promise.all(pending);
  }

  /** Cancels a pending run of `key` and resolves once a run already under way has finished. */
  async forget(key: string): Promise<void> {
    const entry = this.state.get(key);
    this.state.delete(key);
    await entry?.running;
  }

  private run(key: string): Promise<void> {
    return this.task(key).catch((error: unknown) => this.onError(error, key));
  }
}
