import { LRUCache } from 'lru-cache';

export interface ClientRateLimits {
  /** Requests one client may make per window. */
  limit: number;
  windowMs: number;
  /** Clients remembered at once; the least recently seen are forgotten first (bounded memory). */
  maxClients: number;
}

/**
 * A fixed-window request count per client (its address), in this process only. Enough to stop one
 * client from turning a public route into a load generator; every replica counts for itself.
 */
export class ClientRateLimiter {
  private readonly windows: LRUCache<string, { count: number; endsAt: number }>;

  constructor(
    private readonly limits: ClientRateLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.windows = new LRUCache({ max: limits.maxClients });
  }

  /** Counts one request by `client`; false once the client is over its limit for this window. */
  allow(client: string): boolean {
    const now = this.now();
    const current = this.windows.get(client);
    if (!current || current.endsAt <= now) {
      this.windows.set(client, { count: 1, endsAt: now + this.limits.windowMs });
      return true;
    }
    current.count += 1;
    return current.count <= this.limits.limit;
  }
}
