import { afterAll, describe, expect, it } from 'vitest';
import { fold, rightLetters } from '../support/console-output.js';
import { withRedisPrefix } from '../support/redis-server.js';
import { consoleEnv, runEntryPoint } from '../support/run-entry-point.js';
import { singleAnswerBank } from '../support/single-answer-bank.js';

describe('console mode on Redis: a restart resumes the open round', () => {
  const bank = singleAnswerBank();
  afterAll(() => bank.remove());

  it('shows the open round at each start instead of revealing it, and keeps the streak across runs', async () => {
    // Skipped only when there is no redis-server and QUIZ_TEST_SKIP_REDIS=1 asks for it.
    await withRedisPrefix(async (redisEnv) => {
      const env = consoleEnv({
        QUIZ_LOCALE: 'en',
        ...redisEnv,
        QUIZ_SEED: '1',
        QUIZ_QUESTIONS_DIR: bank.dir,
      });
      const first = await runEntryPoint('', env);
      expect(first.code).toBe(0);
      expect(first.stdout).toContain("Today's PMLE question");
      const [letter] = rightLetters(first.stdout, bank.dir);

      // The same round again: the letter seen in the first run answers it, right.
      const second = await runEntryPoint(`${letter}\n`, env);
      expect(second.stdout).not.toContain('Answer revealed');
      expect(second.stdout).toContain('Open: you have not answered it yet.');
      expect(second.stdout).toContain('Correct! +10 points');

      // Two runs that only look at stats and change the language: the round stays, the streak too.
      const third = await runEntryPoint('/quiz me\n/quiz lang en\n', env);
      expect(third.stdout).not.toContain('Answer revealed');
      expect(fold(third.stdout)).toMatch(/You answered today's question: right\. Right answer: [A-E]\./);
      expect(third.stdout).toContain('Right daily answers in a row: 1 (best 1)');
      const fourth = await runEntryPoint('/quiz me\n', env);
      expect(fourth.stdout).not.toContain('Answer revealed');
      expect(fourth.stdout).toContain('Right daily answers in a row: 1 (best 1)');
      expect(fourth.stdout).toContain('Accuracy: 1/1 (100%)');
    });
  }, 90_000); // four runs of the bot, each a few seconds on a busy machine

  it('speaks the language the player chose with /quiz lang in every post and reply, from the start', async () => {
    // Skipped only when there is no redis-server and QUIZ_TEST_SKIP_REDIS=1 asks for it.
    await withRedisPrefix(async (redisEnv) => {
      // QUIZ_LOCALE is Japanese; the player switches to English in the first run.
      const env = consoleEnv({
        ...redisEnv,
        QUIZ_SEED: '1',
        QUIZ_QUESTIONS_DIR: bank.dir,
      });
      const first = await runEntryPoint('/quiz lang en\n', env);
      expect(first.stdout).toContain('今日の PMLE 問題');
      expect(first.stdout).toContain('Language set to English.');
      // The next start, a post and its reveal, and the replies: English only.
      const second = await runEntryPoint('/quiz post\n/quiz me\n', env);
      expect(second.stdout).toContain('PMLE quiz bot: local console mode');
      expect(second.stdout).toContain("Today's PMLE question");
      expect(second.stdout).toContain('Answer revealed');
      expect(second.stdout).toContain('Stats for tester');
      expect(second.stdout).not.toMatch(/[\u3040-\u30ff【】]/); // no kana, no Japanese headings
    });
  }, 60_000);
});
