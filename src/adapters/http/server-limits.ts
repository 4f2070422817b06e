import type { Server, ServerOptions } from 'node:http';

/**
 * What one connection may cost a listener that faces the internet: how long its headers and its whole
 * request may take, how long an idle keep-alive connection stays, and how many connections are open at
 * once. Node's defaults (5 min per request, no connection cap) let a slow client hold memory for minutes.
 */
export interface ServerLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

export const PUBLIC_SERVER_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 512,
};

/** The limits Node takes at construction; `connectionsCheckingInterval` makes the timeouts bite within 1 s. */
export function serverOptions(limits: ServerLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: 1000,
  };
}

/** The limit Node only takes as a property of the listening server. */
export function capConnections(server: Server, limits: ServerLimits): Server {
  server.maxConnections = limits.maxConnections;
  return server;
}
