import { spawn } from 'node:child_process';
import path from 'node:path';
import { Cluster, Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadQuizContent } from '../../src/adapters/questions/quiz-content.js';
import { RedisQuizStore } from '../../src/adapters/redis/redis-quiz-store.js';
import { questionVersion } from '../../src/core/learning/question-version.js';
import { seedItemStats, seedOptionPicks } from '../support/item-stats-seed.js';
import {
  deleteByPrefix,
  type RedisTarget,
  startRedisClusterTarget,
  startRedisTarget,
  uniquePrefix,
} from '../support/redis-server.js';
import { ROOT } from '../support/run-entry-point.js';

function runStats(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/tools/questions-stats.ts', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run questions:stats on a seeded Redis', () => {
  let target: RedisTarget | null;
  let redis: Redis;
  const prefix = uniquePrefix();

  beforeAll(async () => {
    target = await startRedisTarget();
    if (!target) return;
    redis = new Redis(target.url, { lazyConnect: true });
    await redis.connect();
    // The answers go through the real answer script, in two workspaces.
    await seedItemStats(new RedisQuizStore(redis, { prefix }), { t1: 'slack:T1', t2: 'discord:G2' });
  });

  afterAll(async () => {
    if (!target) return;
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
    await target.close();
  });

  it('prints rows with id, version, answered, p, discrimination, options and reports as JSON', async () => {
    if (!target) return;
    const result = await runStats(['--json'], { REDIS_URL: target.url, REDIS_KEY_PREFIX: prefix });
    expect(result.stderr).toBe('');
    const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(rows.map((r) => r.id)).toEqual(['x', 'y', 'z']);
    expect(rows[0]).toMatchObject({
      id: 'x',
      version: 'v1',
      answered: 5,
      p: 0.6,
      options: { A: 2, B: 3 },
      reports: 0,
    });
    expect(rows[0]?.discrimination).toBeCloseTo(1 / Math.sqrt(3), 10);
    expect(rows[1]).toMatchObject({ answered: 4, p: 0.5, reports: 1 });
    expect(rows[1]?.discrimination).toBeCloseTo(-0.30151, 5);
    expect(rows[2]).toMatchObject({ answered: 4, p: 0.75, discrimination: 0 });
    // x, y and z are no version of the bank, so which of their options are wrong is unknown here.
    expect(rows.map((r) => r.weakDistractors)).toEqual([null, null, null]);
  });

  it('flags the weak items in the table', async () => {
    if (!target) return;
    const result = await runStats([], { REDIS_URL: target.url, REDIS_KEY_PREFIX: prefix });
    expect(result.stdout).toContain('Workspaces/guilds: 2');
    expect(result.stdout).toMatch(/^y .*-0\.30 .*negative discrimination: check the key/m);
    expect(result.stdout).toMatch(/^z .*discrimination < 0\.1/m);
    expect(result.stdout).not.toMatch(/^x .*⚠/m);
  });

  it('flags each wrong option picked by under 5 % of at least 30 first answers to a version of the bank', async () => {
    if (!target) return;
    const picksPrefix = uniquePrefix();
    const dir = path.join(ROOT, 'test/fixtures/bank-long');
    const bank = loadQuizContent(dir).bank;
    const store = new RedisQuizStore(redis, { prefix: picksPrefix });
    const seed = async (id: string, picks: Record<string, number>) => {
      const question = bank.get(id);
      if (!question) throw new Error(`no ${id} in the fixture bank`);
      const item = {
        questionId: id,
        version: questionVersion(question),
        choiceKeys: question.choices.map((c) => c.key),
        answerKey: question.answer.join(','),
      };
      await seedOptionPicks(store, 'slack:T9', item, picks);
    };
    try {
      // 40 first answers, right key A: C at 2 (5 %) does its work, D at 1 and E never picked do not.
      await seed('long-single-canary', { A: 27, B: 10, C: 2, D: 1 });
      // 29 first answers are too few to judge.
      await seed('long-multi-drift-monitoring', { 'B,D': 29 });
      const env = { REDIS_URL: target.url, REDIS_KEY_PREFIX: picksPrefix, QUIZ_QUESTIONS_DIR: dir };
      const json = await runStats(['--json'], env);
      expect(json.stderr).toBe('');
      const rows = JSON.parse(json.stdout) as Record<string, unknown>[];
      expect(rows.map((r) => [r.id, r.answered, r.weakDistractors])).toEqual([
        ['long-multi-drift-monitoring', 29, []],
        ['long-single-canary', 40, ['D', 'E']],
      ]);
      const table = await runStats([], env);
      expect(table.stdout).toMatch(
        /^long-single-canary .*⚠ weak distractors D, E: picked by < 5% of ≥ 30 first answers/m,
      );
      expect(table.stdout).not.toMatch(/^long-multi-drift-monitoring .*weak distractors/m);
    } finally {
      await deleteByPrefix(redis, picksPrefix);
    }
  });

  it('says what it needs without REDIS_URL', async () => {
    const result = await runStats([], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('set REDIS_URL');
  });
});

describe('npm run questions:stats on a Redis Cluster', () => {
  it('finds the scopes on every master and sums them (REDIS_CLUSTER_NODES)', async () => {
    const target = await startRedisClusterTarget();
    if (!target) return;
    const prefix = uniquePrefix();
    const cluster = new Cluster(target.nodes, { lazyConnect: true });
    try {
      await cluster.connect();
      // Slots 5406 and 13660: the first and the third of three masters, so the tool must scan every master.
      await seedItemStats(new RedisQuizStore(cluster, { prefix }), { t1: 'slack:T1', t2: 'slack:T3' });
      const result = await runStats(['--json'], {
        REDIS_CLUSTER_NODES: target.nodesText,
        REDIS_KEY_PREFIX: prefix,
      });
      expect(result.stderr).toBe('');
      const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
      expect(rows.map((r) => [r.id, r.answered, r.p])).toEqual([
        ['x', 5, 0.6],
        ['y', 4, 0.5],
        ['z', 4, 0.75],
      ]);
    } finally {
      await deleteByPrefix(cluster, prefix);
      cluster.disconnect();
      await target.close();
    }
  });
});
