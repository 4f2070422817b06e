import { pino } from 'pino';

/**
 * Ends the process after an error nothing handled: one JSON line on stderr (written synchronously, so
 * it is not lost to the exit), then exit code 1. A bug keeps its stack, inside that one line.
 */
export function exitOnFatal(error: unknown): never {
  const log = pino({ base: { pid: process.pid } }, pino.destination({ dest: 2, sync: true }));
  log.fatal({ err: error }, `fatal: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
