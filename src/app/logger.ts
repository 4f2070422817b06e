import { type Logger, pino } from 'pino';
import type { Config } from './config.js';

/**
 * The one root logger. Children per component (`log.child({ component: 'slack' })`).
 * Secrets never reach the output: tokens, signing secrets, authorization headers and interaction tokens
 * are redacted wherever they appear in a logged object.
 */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  '*.*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'clientSecret',
  '*.clientSecret',
  'stateSecret',
  '*.stateSecret',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'headers["x-slack-signature"]',
  '*.headers["x-slack-signature"]',
  'interaction.token',
];

/**
 * Logs go to stderr (fd 2) or a file, never to stdout: in console mode stdout is the conversation.
 */
export function createLogger(options: Config['log'], destination?: NodeJS.WritableStream): Logger {
  const base = { level: options.level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  if (destination) return pino(base, destination);
  if (options.pretty) {
    return pino({
      ...base,
      transport: {
        target: 'pino-pretty',
        options: { destination: options.file ?? 2, colorize: !options.file },
      },
    });
  }
  return pino(base, pino.destination({ dest: options.file ?? 2, sync: false }));
}
