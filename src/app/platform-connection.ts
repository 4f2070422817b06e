import { CredentialRejectedError } from '../core/model/errors.js';
import type { Logger } from '../core/ports/logger.js';

/** A platform being connected in the background while the ops endpoints already answer. */
export interface PlatformConnection {
  /** Null once connected; else what start-up waits for (shown by /readyz). */
  problem(): string | null;
  /** Stops retrying (shutdown). */
  cancel(): void;
}

export interface ConnectOptions {
  /** `slack`, `discord`: names the platform in logs and /readyz. */
  name: string;
  /** One attempt; throws `CredentialRejectedError` when a credential is refused, anything else is retried. */
  connect(): Promise<void>;
  /** A refused credential: the process must end (the message names the variable). */
  onRejected(message: string): void;
  log: Logger;
  /** First wait after a failure; doubled each time up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Connects a platform, retrying with exponential backoff while it cannot be reached (network down, 5xx,
 * timeouts), so the process stays alive and says why it is not ready instead of crashing or hanging.
 * A rejected credential is not retried: retrying cannot fix it and the operator must hear at once.
 * Logged reasons are one-line messages, never stacks.
 */
export function connectWithRetry(options: ConnectOptions): PlatformConnection {
  const { name, log } = options;
  const initial = options.initialDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 60_000;
  let problem: string | null = `connecting to ${name}`;
  let cancelled = false;
  let timer: NodeJS.Timeout | undefined;

  const attempt = async (n: number): Promise<void> => {
    if (cancelled) return;
    try {
      await options.connect();
      if (cancelled) return;
      problem = null;
      log.info({ platform: name, attempt: n }, `${name} connected`);
    } catch (error) {
      if (cancelled) return;
      if (error instanceof CredentialRejectedError) {
        problem = error.message;
        options.onRejected(error.message);
        return;
      }
      const reason = oneLine(error);
      const retryInMs = Math.min(max, initial * 2 ** (n - 1));
      problem = `cannot reach ${name} (${reason}); retrying in ${Math.round(retryInMs / 1000)} s`;
      log.warn({ platform: name, attempt: n, retryInMs, reason }, `cannot reach ${name}; will retry`);
      timer = setTimeout(() => void attempt(n + 1), retryInMs);
    }
  };
  void attempt(1);

  return {
    problem: () => problem,
    cancel() {
      cancelled = true;
      clearTimeout(timer);
    },
  };
}

/** An error as one line: its message and, for network failures, the cause's code. */
export function oneLine(error: unknown): string {
  if (!(error instanceof Error)) return String(error).split('\n')[0] ?? '';
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const detail = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  return `${error.message.split('\n')[0]}${detail}`;
}
