import type { Logger } from '../../core/ports/logger.js';

/**
 * One warning per interval for events anyone on the internet can cause (an unsigned request): the first
 * is logged, the rest of the interval only counted, and the count rides on the next line logged. An
 * attacker cannot write the logs at the rate they send requests.
 */
export class ThrottledLog {
  private lastAt = Number.NEGATIVE_INFINITY;
  private suppressed = 0;

  constructor(
    private readonly log: Logger,
    private readonly intervalMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  warn(fields: object, msg: string): void {
    const now = this.now();
    if (now - this.lastAt < this.intervalMs) {
      this.suppressed += 1;
      return;
    }
    this.lastAt = now;
    const suppressed = this.suppressed;
    this.suppressed = 0;
    this.log.warn(suppressed > 0 ? { ...fields, suppressed } : fields, msg);
  }
}
