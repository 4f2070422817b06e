import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { redisRequirement, redisSuites } from '../support/redis-requirement.js';
import { ROOT } from '../support/run-entry-point.js';

/** A PATH with node on it and no redis-server, as on a laptop without Redis. */
const bin = mkdtempSync(path.join(tmpdir(), 'no-redis-'));
symlinkSync(process.execPath, path.join(bin, 'node'));
afterAll(() => rmSync(bin, { recursive: true, force: true }));

function vitestWithoutRedis(env: Record<string, string>) {
  // A small unit file: the check runs once per run, before any file.
  return spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', 'test/unit/core/model/text-and-ids.test.ts'],
    {
      cwd: ROOT,
      env: { PATH: bin, HOME: process.env.HOME ?? '', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
}

describe('running the tests without redis-server', { timeout: 90_000 }, () => {
  it('fails, saying how to install it', () => {
    const run = vitestWithoutRedis({});
    expect(run.status).not.toBe(0);
    const output = run.stdout + run.stderr;
    expect(output).toContain('redis-server was not found');
    expect(output).toContain('apt-get install redis-server');
    expect(output).toContain('QUIZ_TEST_SKIP_REDIS=1');
  });

  it('skips the Redis suites when QUIZ_TEST_SKIP_REDIS=1 asks, and says which', () => {
    const run = vitestWithoutRedis({ QUIZ_TEST_SKIP_REDIS: '1' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stderr).toContain('skipping the Redis-backed suites');
    expect(run.stderr).toContain('test/integration/redis-quiz-store.test.ts');
  });

  it('lists every suite that uses the Redis test servers', () => {
    const suites = redisSuites(ROOT);
    expect(suites).toContain('test/integration/redis-quiz-store.test.ts');
    expect(suites).not.toContain('test/unit/core/model/text-and-ids.test.ts');
    expect(redisRequirement(true, {}, suites)).toBeNull();
  });
});
