/**
 * Runs many channel jobs at once without overrunning any one workspace or guild.
 *
 * Each scope (a Slack workspace, a Discord guild) gets its own lane with at most `perScope` jobs in
 * flight, and all lanes together at most `concurrency`. A job that reports a rate limit pauses only its
 * own lane for the platform's `Retry-After` and is then run again; the other lanes keep going. A wait
 * longer than `maxRetryWaitMs`, or a job limited `maxAttempts` times, is left for the next tick.
 *
 * Slack allows chat.postMessage about once per second per channel with short bursts, plus a
 * workspace-wide limit it does not publish; a lane posts to distinct channels, a few at a time, and
 * backs off on the first 429. discord.js keeps its own per-route buckets and the global limit on top.
 */

export interface LaneLimits {
  /** Jobs in flight over all scopes. */
  concurrency: number;
  /** Jobs in flight within one scope. */
  perScope: number;
  /** A rate-limit wait up to this long is sat out within the tick; a longer one ends the job's turn. */
  maxRetryWaitMs: number;
  /** Runs of one job within a tick, the first included. */
  maxAttempts: number;
}

export const DEFAULT_LANE_LIMITS: LaneLimits = {
  concurrency: 64,
  perScope: 4,
  maxRetryWaitMs: 20_000,
  maxAttempts: 3,
};

/** What a job asks of its lane: nothing more, or to be run again after the platform's wait. */
export type LaneOutcome = { kind: 'done' } | { kind: 'rate-limited'; retryAfterMs: number };

export type Sleep = (ms: number) => Promise<void>;

interface Lane<T> {
  queue: { job: T; attempts: number }[];
  /** Set while the lane sits out a rate limit; its jobs wait for it before starting. */
  paused: Promise<void> | null;
}

/** Runs every job in its scope's lane; `run` must not throw (it reports failures itself). */
export async function runInScopeLanes<T>(
  jobs: readonly T[],
  scopeOf: (job: T) => string,
  run: (job: T) => Promise<LaneOutcome>,
  limits: LaneLimits,
  sleep: Sleep,
): Promise<void> {
  const lanes = new Map<string, Lane<T>>();
  for (const job of jobs) {
    const scope = scopeOf(job);
    let lane = lanes.get(scope);
    if (!lane) {
      lane = { queue: [], paused: null };
      lanes.set(scope, lane);
    }
    lane.queue.push({ job, attempts: 0 });
  }
  const slots = new Semaphore(limits.concurrency);

  const worker = async (lane: Lane<T>): Promise<void> => {
    for (;;) {
      while (lane.paused) await lane.paused;
      const next = lane.queue.shift();
      if (!next) return;
      next.attempts += 1;
      const outcome = await slots.use(() => run(next.job));
      if (outcome.kind !== 'rate-limited') continue;
      const wait = Math.max(0, outcome.retryAfterMs);
      if (wait > limits.maxRetryWaitMs) {
        // The scope is limited for longer than a tick should wait: its jobs stay due for a later tick.
        lane.queue.length = 0;
        return;
      }
      if (next.attempts < limits.maxAttempts) lane.queue.unshift(next);
      if (!lane.paused) {
        lane.paused = sleep(wait).then(() => {
          lane.paused = null;
        });
      }
    }
  };

  await Promise.all(
    [...lanes.values()].flatMap((lane) =>
      Array.from({ length: Math.min(limits.perScope, lane.queue.length) }, () => worker(lane)),
    ),
  );
}

/** A counting semaphore: `use` runs its task once one of `size` permits is free, first come first served. */
class Semaphore {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size: number) {
    this.free = Math.max(1, size);
  }

  async use<R>(task: () => Promise<R>): Promise<R> {
    if (this.free > 0) this.free -= 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free += 1;
    }
  }
}
