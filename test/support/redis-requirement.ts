import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Whether the Redis-backed suites can run. They start private `redis-server` processes, so without the
 * binary they cannot: the run fails with how to install it, unless `QUIZ_TEST_SKIP_REDIS=1` asks for the
 * skip explicitly, and then it says which suites it skips. A green run without Redis is never silent.
 */
export const SKIP_VARIABLE = 'QUIZ_TEST_SKIP_REDIS';

export const INSTALL_HINT = [
  'redis-server was not found on PATH, and the Redis-backed tests start their own redis-server processes.',
  'Install it:  Debian/Ubuntu: sudo apt-get install redis-server   macOS: brew install redis',
  `Or skip those suites on purpose: ${SKIP_VARIABLE}=1 npm test`,
].join('\n');

export function skipRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[SKIP_VARIABLE] === '1';
}

/** Null when Redis tests can run; the skip notice when skipped on request; throws otherwise. */
export function redisRequirement(
  hasBinary: boolean,
  env: NodeJS.ProcessEnv,
  suites: string[],
): string | null {
  if (hasBinary) return null;
  if (!skipRequested(env)) throw new Error(INSTALL_HINT);
  return `${SKIP_VARIABLE}=1: redis-server is not installed; skipping the Redis-backed suites:\n${suites
    .map((s) => `  - ${s}`)
    .join('\n')}`;
}

/** Test files that use the Redis test servers. */
export function redisSuites(root: string): string[] {
  const dir = path.join(root, 'test');
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => readFileSync(file, 'utf8').includes('/support/redis-server.js'))
    .map((file) => path.relative(root, file))
    .sort();
}
