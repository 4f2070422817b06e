/** The time source. Core code never calls `Date.now()` itself, so tests can use a manual clock. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
