import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withRedisPrefix } from '../support/redis-server.js';
import { consoleEnv, ROOT, runEntryPoint } from '../support/run-entry-point.js';
import { singleAnswerBank } from '../support/single-answer-bank.js';

describe('console mode through the real entry point', () => {
  // One typed number answers only a single-answer question ("choose two" ones are in their own tests).
  const bank = singleAnswerBank();
  afterAll(() => bank.remove());

  it('shows a question, answers a typed number and looks up Dataflow, in Japanese by default', async () => {
    const result = await runEntryPoint('2\n/gcp dataflow\n', consoleEnv({ QUIZ_QUESTIONS_DIR: bank.dir }));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('今日の PMLE 問題');
    expect(result.stdout).toMatch(/^ {2}A\. /m); // choices by the letter shown, typed as a letter or its number
    expect(result.stdout).toMatch(/正解です！|残念、不正解です。/);
    expect(result.stdout).toContain('【正解の理由】');
    expect(result.stdout).toMatch(/Dataflow[\s\S]*【用途】[\s\S]*https:\/\//);
    expect(result.stdout).not.toMatch(/"level":/); // logs never enter the conversation
  });

  it('speaks English with QUIZ_LOCALE=en and runs the /quiz commands', async () => {
    const input = [
      '1',
      '/quiz me',
      '/quiz leaderboard',
      '/quiz next',
      '/quiz post',
      '/quiz team join ML Ops',
      '/quiz schedule',
      '/help',
      'hello',
      '',
    ].join('\n');
    const result = await runEntryPoint(
      input,
      consoleEnv({ QUIZ_LOCALE: 'en', QUIZ_QUESTIONS_DIR: bank.dir }),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Today's PMLE question");
    expect(result.stdout).toMatch(/Correct! \+10 points|Not quite\./);
    expect(result.stdout).toContain('Stats for tester');
    expect(result.stdout).toMatch(/Leaderboard, [A-Z][a-z]{2} \d{1,2}–/); // named by its dates
    expect(result.stdout).toContain('Practice question (not scored)'); // /quiz next
    expect(result.stdout).toContain('Answer revealed'); // /quiz post closes the round and reveals it
    expect(result.stdout).not.toMatch(/[【】]/); // English output has no Japanese headings
    expect(result.stdout).toContain('You joined ML Ops (new team).');
    expect(result.stdout).toContain('This channel gets no daily question yet.');
    expect(result.stdout).toContain('/gcp <service>');
    expect(result.stdout).toContain('Type the letter (or number) of a choice');
  });

  it('refuses to start on a malformed question file, naming the file and field', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'console-bank-')), 'questions');
    try {
      cpSync(path.join(ROOT, 'test/fixtures/bank-valid'), dir, { recursive: true });
      cpSync(path.join(ROOT, 'test/fixtures/broken/long-choice.yaml'), path.join(dir, '2-broken.yaml'));
      const result = await runEntryPoint('', consoleEnv({ QUIZ_QUESTIONS_DIR: dir }));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /questions\/2-broken\.yaml: id "s1-broken": field choices\.0\.text\.en: must be at most 300/,
      );
    } finally {
      rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });

  it('reports every bad variable in one message', async () => {
    const result = await runEntryPoint(
      '',
      consoleEnv({ QUIZ_TIMEZONE: 'Mars/Olympus', PORT: 'abc', QUIZ_LOCALE: 'fr' }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('QUIZ_TIMEZONE: must be an IANA time zone');
    expect(result.stderr).toContain('PORT: a port number');
    expect(result.stderr).toContain('QUIZ_LOCALE: ja or en');
  });

  it('keeps its data in Redis when REDIS_URL is set', async () => {
    // Skipped only when there is no redis-server and QUIZ_TEST_SKIP_REDIS=1 asks for it.
    await withRedisPrefix(async (redisEnv, redis) => {
      const env = consoleEnv({
        QUIZ_LOCALE: 'en',
        ...redisEnv,
        QUIZ_SEED: '1',
      });
      const first = await runEntryPoint('/quiz team join Night Owls\n', env);
      expect(first.code).toBe(0);
      const second = await runEntryPoint('/quiz team list\n', env);
      expect(second.stdout).toContain('Night Owls: 1 member'); // remembered across runs
      expect((await redis.keys(`${redisEnv.REDIS_KEY_PREFIX}:*`)).length).toBeGreaterThan(0);
    });
  });
});
