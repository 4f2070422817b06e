/**
 * Runs `task(key)` at most once per `intervalMs` per key, always with a trailing run after the last
 * request, so a burst of 500 answers becomes a handful of message edits that end on the final count.
 */
export class KeyedThrottle {
  private readonly state = new Map<
    string,
    { last: number; timer?: NodeJS.Timeout; running?: Promise<void> }
  >();

  constructor(
    private readonly intervalMs: number,
    private readonly task: (key: string) => Promise<void>,
    private readonly onError: (error: unknown, key: string) => void,
  ) {}

  request(key: string): void {
    const entry = this.state.get(key) ?? { last: 0 };
    this.state.set(key, entry);
    if (entry.timer) return; // a run is already scheduled; it will see the newest state
    const wait = Math.max(0, entry.last + this.intervalMs - Date.now());
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      entry.last = Date.now();
      entry.running = this.task(key).catch((error: unknown) => this.onError(error, key));
    }, wait);
    entry.timer.unref?.();
  }

  /** Runs what is pending now and waits for it (shutdown, tests). */
  async flush(): Promise<void> {
    const pending: Promise<void>[] = [];
    for (const [key, entry] of this.state) {
      if (entry.timer) {
        clearTimeout(entry.timer);
        entry.timer = undefined;
        entry.last = Date.now();
        pending.push(this.task(key).catch((error: unknown) => this.onError(error, key)));
      } else if (entry.running) pending.push(entry.running);
    }
    await Promise.all(pending);
  }

  forget(key: string): void {
    const entry = this.state.get(key);
    if (entry?.timer) clearTimeout(entry.timer);
    this.state.delete(key);
  }
}
