import { StoreUnavailableError } from '../../core/model/errors.js';

/** Node socket errors: the server is not there or the connection broke. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** ioredis client-side errors that mean "could not talk to Redis in time". */
const CLIENT_MESSAGES = [
  'Command timed out',
  "Stream isn't writeable",
  'Connection is closed',
  "Cluster isn't ready",
  'None of startup nodes is available',
  'Failed to refresh slots cache',
  'Too many Cluster redirections',
];

/** Server replies that refuse a command before it runs: the server is there but cannot serve now. */
const SERVER_PREFIXES = ['LOADING', 'CLUSTERDOWN', 'TRYAGAIN', 'MASTERDOWN', 'READONLY', 'OOM', 'BUSY'];

function isUnavailable(error: Error): boolean {
  if (error.name === 'MaxRetriesPerRequestError' || error.name === 'ClusterAllFailedError') return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && SOCKET_CODES.has(code)) return true;
  if (CLIENT_MESSAGES.some((m) => error.message.startsWith(m))) return true;
  return SERVER_PREFIXES.some((p) => error.message.startsWith(`${p} `) || error.message === p);
}

/**
 * Maps "Redis is not reachable" failures to `StoreUnavailableError`, so adapters can say "try again";
 * anything else (a script bug, a wrong key type) stays as it is: that is a bug, not an outage.
 */
export function toStoreError(error: unknown, operation: string): unknown {
  if (error instanceof Error && isUnavailable(error)) {
    return new StoreUnavailableError(`redis unavailable during ${operation}: ${error.message}`, {
      cause: error,
    });
  }
  return error;
}
