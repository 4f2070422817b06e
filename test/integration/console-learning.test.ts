import { afterAll, describe, expect, it } from 'vitest';
import { withRedisPrefix } from '../support/redis-server.js';
import { consoleEnv, runEntryPoint } from '../support/run-entry-point.js';
import { singleAnswerBank } from '../support/single-answer-bank.js';

// The runs answer today's question with one typed letter: a "choose two" question drawn by the seed
// would refuse it (and record nothing), so they read the bank's single-answer questions only.
const bank = singleAnswerBank();
afterAll(() => bank.remove());
const env = (extra: Record<string, string>) => consoleEnv({ QUIZ_QUESTIONS_DIR: bank.dir, ...extra });

describe('console mode: review, readiness and reports through the real entry point', () => {
  it('answers, reviews, shows readiness, reports the last question and lets the owner handle the report', async () => {
    const input = [
      '/quiz review', // nothing answered yet
      '1',
      '/quiz review',
      '/quiz me',
      '/quiz ready',
      '/quiz ready team',
      '/quiz report',
      '/quiz report ambiguous two choices fit',
      '/quiz report wrong-key',
      '/quiz reports',
      '/quiz review off',
      '/quiz review',
      '/quiz review on',
      '',
    ].join('\n');
    const result = await runEntryPoint(input, env({ QUIZ_LOCALE: 'en', QUIZ_SEED: '3' }));
    expect(result.code).toBe(0);
    // The terminal wraps long lines: compare with whitespace folded.
    const out = result.stdout.replace(/\s+/g, ' ');
    expect(out).toContain('Nothing to review yet. Answer a few questions first');
    expect(out).toMatch(/No reviews due\. The next one is due \w+ \d+/);
    expect(out).toContain('Reviews due: 0 (/quiz review)');
    expect(out).toContain('Exam readiness of tester');
    expect(out).toMatch(/▱▱▱▱▱ [^▱▰]*: not enough data \(1 of at least 5 questions\)/);
    expect(out).toContain('Overall: not enough data yet.');
    expect(out).toContain('You are not in a team.');
    expect(out).toContain('Usage: /quiz report <wrong-key|ambiguous|outdated|translation|other>');
    const reported = /Thank you! Your report on (\S+) is recorded/.exec(out);
    expect(reported).not.toBeNull();
    expect(out).toContain('You have already reported this question.');
    expect(out).toContain(`${reported?.[1]}: 1 report (ambiguous ×1)`);
    expect(out).toContain('ambiguous: two choices fit');
    expect(out).toContain('Your reviews are off.');
    expect(out).toContain('Reviews on: /quiz review brings back');
  });

  it('speaks Japanese by default', async () => {
    const result = await runEntryPoint('2\n/quiz ready\n/quiz review\n', env({ QUIZ_SEED: '3' }));
    expect(result.code).toBe(0);
    const out = result.stdout.replace(/\s+/g, ' ');
    expect(out).toContain('tester さんの試験準備度');
    expect(out).toContain('データ不足');
    expect(out).toContain('今は復習する問題がありません。次の復習は');
  });

  it('lets the owner dismiss a report and see what restore does, across runs on Redis', async () => {
    // Skipped only when there is no redis-server and QUIZ_TEST_SKIP_REDIS=1 asks for it.
    await withRedisPrefix(async (redisEnv) => {
      const runEnv = env({
        QUIZ_LOCALE: 'en',
        ...redisEnv,
        QUIZ_SEED: '3',
      });
      const first = await runEntryPoint('1\n/quiz report outdated renamed\n', runEnv);
      const id =
        /Thank you! Your report on (\S+) is recorded/.exec(first.stdout.replace(/\s+/g, ' '))?.[1] ?? '';
      expect(id).not.toBe('');
      const second = await runEntryPoint(
        [
          `/quiz question ${id}`,
          `/quiz restore ${id}`,
          `/quiz reports dismiss ${id}`,
          '/quiz reports',
          '',
        ].join('\n'),
        runEnv,
      );
      const out = second.stdout.replace(/\s+/g, ' ');
      expect(out).toContain(`Question ${id} (version `);
      expect(out).toContain('First answers here: 1 · p ');
      expect(out).toContain('outdated: renamed');
      expect(out).toContain(`${id} is not suspended. Nothing changed.`); // one player never suspends
      expect(out).toContain(`Dismissed 1 report on ${id}.`);
      expect(out).toContain('No open reports.');
    });
  });
});
