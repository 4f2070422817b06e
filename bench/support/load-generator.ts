import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import type { SignedRequest } from './slack-requests.js';

/**
 * Fires prepared requests at one origin over `connections` keep-alive connections, one request in flight
 * per connection (no pipelining, as Slack sends them). Requests are built and signed before the clock
 * starts, so the generator's own cost per click is one write and one read.
 */

export interface FiredRequest {
  /** `performance.now()` when the request was handed to the pool. */
  sentAt: number;
  /** When the response was complete; NaN when the request failed. */
  respondedAt: number;
  status: number;
  error?: string;
}

export interface FireOptions {
  connections: number;
  /**
   * Called after each response, before the connection's next request. Waiting here for the click's
   * private reply makes each connection a person who clicks, reads the feedback, then clicks again.
   */
  afterResponse?: (index: number) => Promise<void>;
}

export async function fireRequests(
  origin: string,
  path: string,
  requests: readonly SignedRequest[],
  options: FireOptions,
): Promise<FiredRequest[]> {
  const { connections } = options;
  const pool = new Pool(origin, { connections, pipelining: 1 });
  const results: FiredRequest[] = new Array(requests.length);
  let next = 0;
  try {
    await openConnections(pool, path, connections);
    await Promise.all(
      Array.from({ length: Math.min(connections, requests.length) }, async () => {
        for (let i = next++; i < requests.length; i = next++) {
          const request = requests[i];
          if (!request) continue;
          const sentAt = performance.now();
          try {
            const response = await pool.request({
              path,
              method: 'POST',
              headers: request.headers,
              body: request.body,
            });
            await response.body.dump();
            results[i] = { sentAt, respondedAt: performance.now(), status: response.statusCode };
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            results[i] = { sentAt, respondedAt: Number.NaN, status: 0, error: message };
          }
          await options.afterResponse?.(i);
        }
      }),
    );
  } finally {
    await pool.close();
  }
  return results;
}

/**
 * Opens every connection before the clock starts: a flood of requests over connections still being set
 * up starves a few of them for seconds (seen with a trivial server too), which would measure connection
 * set-up on a saturated event loop rather than the app. Slack, too, reuses its connections.
 */
async function openConnections(pool: Pool, path: string, connections: number): Promise<void> {
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const response = await pool.request({ path, method: 'GET' });
      await response.body.dump();
    }),
  );
}
