import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ClientRateLimiter } from './client-rate-limiter.js';
import { type BodyLimits, BodyRefusedError, readBody } from './request-body.js';
import { setSecurityHeaders } from './security-headers.js';
import { capConnections, type ServerLimits, serverOptions } from './server-limits.js';

/** A refusal decided from the request line and headers alone. */
export interface Refusal {
  status: number;
  reason: string;
}

export interface HttpRoute {
  method: 'GET' | 'POST';
  /** Matched exactly (no case or trailing-slash variants) against the path without its query. */
  path: string;
  /** Matches every path that starts with `path` too (ids in the path, `/dash/questions/<id>`). */
  prefix?: true;
  /** POST: checked before a byte of the body is read; a refusal is answered at once. */
  precheck?(req: IncomingMessage): Refusal | null;
  /** POST: the body is read into memory within these limits and handed to `handle`. */
  body?: BodyLimits;
  /** Per-client-address request limit; `refuse` answers a client over it (a page in its language). */
  rateLimit?: { limiter: ClientRateLimiter; refuse(req: IncomingMessage, res: ServerResponse): void };
  handle(req: IncomingMessage, res: ServerResponse, body: Buffer | null): void | Promise<void>;
}

export interface HttpListenerDeps {
  routes: HttpRoute[];
  limits: ServerLimits;
  /** A request refused before its handler ran (precheck, body limits, rate limit). */
  onRefused?(req: IncomingMessage, refusal: Refusal): void;
  /** A handler threw: logged and counted by the caller; the request gets a 500, the process goes on. */
  onError(error: unknown, req: IncomingMessage): void;
}

/**
 * An HTTP server for a fixed set of routes, safe to expose: exact path matching, HEAD wherever GET is
 * served, security headers on every response, bounded headers/request time and connections, bodies read
 * only after the headers pass and then within a size limit and deadline, and no handler error that can
 * end the process.
 */
export function createHttpListener(deps: HttpListenerDeps): Server {
  const server = createServer(serverOptions(deps.limits), (req, res) => {
    setSecurityHeaders(res);
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const path = (req.url ?? '/').split('?')[0];
    const onPath = deps.routes.filter((r) => r.path === path || (r.prefix && path?.startsWith(r.path)));
    const route = onPath.find((r) => r.method === method);
    if (!route) {
      if (onPath.length > 0) res.setHeader('allow', allowed(onPath));
      refuse(req, res, { status: onPath.length > 0 ? 405 : 404, reason: 'no such route' });
      return;
    }
    void serve(route, req, res, deps).catch((error: unknown) => {
      deps.onError(error, req);
      if (!res.headersSent) refuse(req, res, { status: 500, reason: 'handler failed' });
      else res.destroy();
    });
  });
  return capConnections(server, deps.limits);
}

async function serve(
  route: HttpRoute,
  req: IncomingMessage,
  res: ServerResponse,
  deps: HttpListenerDeps,
): Promise<void> {
  const early = route.rateLimit && !route.rateLimit.limiter.allow(clientAddress(req));
  if (early && route.rateLimit) {
    deps.onRefused?.(req, { status: 429, reason: 'rate limited' });
    res.setHeader('retry-after', '60');
    route.rateLimit.refuse(req, res);
    return;
  }
  const refusal = route.precheck?.(req) ?? null;
  if (refusal) {
    deps.onRefused?.(req, refusal);
    refuse(req, res, refusal);
    return;
  }
  let body: Buffer | null = null;
  if (route.body) {
    try {
      body = await readBody(req, route.body);
    } catch (error) {
      if (!(error instanceof BodyRefusedError)) throw error;
      const bodyRefusal = { status: error.status, reason: error.message };
      deps.onRefused?.(req, bodyRefusal);
      refuse(req, res, bodyRefusal);
      return;
    }
  }
  await route.handle(req, res, body);
}

/** The connection's peer address (behind a proxy: the proxy's; forwarded headers are not trusted). */
export function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * Answers with no body. When the request's body was not read, the connection is closed after the answer
 * rather than kept to drain what a slow client may still send.
 */
export function refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  const unread = !req.complete;
  if (unread) res.setHeader('connection', 'close');
  res.writeHead(refusal.status).end();
  if (unread) {
    res.once('finish', () => {
      req.socket.end();
      setTimeout(() => req.socket.destroy(), 1000).unref();
    });
  }
}

function allowed(routes: HttpRoute[]): string {
  const methods = new Set(routes.flatMap((r) => (r.method === 'GET' ? ['GET', 'HEAD'] : [r.method])));
  return [...methods].join(', ');
}

/** Listens on `port` at `host` (all interfaces when unset); rejects when the address is taken. */
export function listen(server: Server, port: number, host?: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const done = (): void => {
      server.off('error', reject);
      resolve(server);
    };
    if (host) server.listen(port, host, done);
    else server.listen(port, done);
  });
}

/** Closes the server, and with it the idle keep-alive connections that would hold the close up. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
