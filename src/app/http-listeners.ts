import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { ClientRateLimiter } from '../adapters/http/client-rate-limiter.js';
import { close, createHttpListener, type HttpRoute, listen } from '../adapters/http/http-listener.js';
import type { PrometheusMetrics } from '../adapters/http/prometheus-metrics.js';
import { PUBLIC_SERVER_LIMITS } from '../adapters/http/server-limits.js';
import { ThrottledLog } from '../adapters/http/throttled-log.js';
import type { SlackHttpRoute } from '../adapters/slack/slack-http-routes.js';

/** Installs one address may start or finish per minute (a person needs a handful; a script gets 429). */
export const INSTALL_RATE_LIMIT = { limit: 20, windowMs: 60_000, maxClients: 10_000 };

export interface ListenerInput {
  routes: HttpRoute[];
  port: number;
  host?: string;
  log: Logger;
  metrics?: Pick<PrometheusMetrics, 'httpError' | 'httpRequestRefused'>;
  /** Warnings anyone can cause (refused requests) go here: at most a line a minute. */
  throttledLog?: ThrottledLog;
}

/**
 * A listener with the public limits: refused requests are counted and logged at most once a minute,
 * a handler's error is logged once and counted, and neither stops the process.
 */
export async function startListener(input: ListenerInput): Promise<Server> {
  const refusedLog = input.throttledLog ?? new ThrottledLog(input.log);
  const server = createHttpListener({
    routes: input.routes,
    limits: PUBLIC_SERVER_LIMITS,
    onRefused: (req, refusal) => {
      input.metrics?.httpRequestRefused(refusal.status);
      if (refusal.status !== 404 && refusal.status !== 405) {
        refusedLog.warn(
          { status: refusal.status, reason: refusal.reason, path: pathOf(req.url) },
          'request refused',
        );
      }
    },
    onError: (error, req) => {
      input.metrics?.httpError(pathOf(req.url));
      input.log.error({ err: error, path: pathOf(req.url) }, 'http request failed');
    },
  });
  return listen(server, input.port, input.host);
}

/** Slack's routes as the listener serves them: the install routes get the per-address limit. */
export function slackListenerRoutes(routes: SlackHttpRoute[]): HttpRoute[] {
  const limiter = new ClientRateLimiter(INSTALL_RATE_LIMIT);
  return routes.map(({ tooMany, ...route }) =>
    tooMany ? { ...route, rateLimit: { limiter, refuse: tooMany } } : route,
  );
}

export { close as closeListener };

/** The path without its query (queries may carry OAuth codes and states: never logged). */
function pathOf(url: string | undefined): string {
  return ((url ?? '/').split('?')[0] ?? '/').slice(0, 120);
}
