import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger as PinoLogger } from 'pino';

export interface BoltLoggerOptions {
  /**
   * Errors Bolt logs at error that the app answers and logs itself at the level they deserve (a
   * cancelled or refused install): Bolt's own line about them goes to debug.
   */
  handledElsewhere?: (error: unknown) => boolean;
  /** Warnings Bolt logs about what the app logs itself once, at its own level: Bolt's line goes to debug. */
  quietWarnings?: RegExp | undefined;
}

/** Bolt logs through our pino child, so its lines are JSON and redacted like ours. */
export function boltLogger(log: PinoLogger, options: BoltLoggerOptions = {}): BoltLogger {
  const line =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]): void => {
      // Bolt logs at debug on every request (each ack): scrubbing those only to drop them costs every click.
      if (!log.isLevelEnabled(level)) return;
      const scrubbed = msg.map(scrub);
      log[level]({ bolt: scrubbed.length === 1 ? scrubbed[0] : scrubbed }, 'bolt');
    };
  const handled = options.handledElsewhere;
  return {
    debug: line('debug'),
    info: line('info'),
    warn: (...msg: unknown[]) =>
      (typeof msg[0] === 'string' && options.quietWarnings?.test(msg[0]) ? line('debug') : line('warn'))(
        ...msg,
      ),
    error: (...msg: unknown[]) =>
      (msg.length === 1 && handled?.(msg[0]) ? line('debug') : line('error'))(...msg),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}

/**
 * Bolt's Web API client logs request bodies and results as text at debug level. It masks `token`, but
 * not the `client_secret` and `code` of the OAuth exchange, nor the `access_token` Slack answers with.
 */
const SECRET_FIELDS = /("(?:client_secret|code|access_token|refresh_token)\\?"\s*:\s*\\?")[^"\\]*/g;
const SLACK_TOKENS = /xox[a-z]-[A-Za-z0-9-]+/g;

export function scrub(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.replace(SECRET_FIELDS, '$1[redacted]').replace(SLACK_TOKENS, 'xox?-[redacted]');
  }
  // pino would print a bare Error under this key as {}; its name, code and scrubbed message say more.
  if (value instanceof Error) {
    return { name: value.name, code: (value as { code?: unknown }).code, message: scrub(value.message) };
  }
  return value;
}
