import { afterAll, describe, expect, it } from 'vitest';
import { fold } from '../support/console-output.js';
import { multiSelectBank } from '../support/multi-select-bank.js';
import { withRedisPrefix } from '../support/redis-server.js';
import { consoleEnv, runEntryPoint } from '../support/run-entry-point.js';

/** The part of the output after the first occurrence of `marker` (what the next command printed). */
function after(text: string, marker: string): string {
  const at = text.indexOf(marker);
  expect(at, `output contains "${marker}"`).toBeGreaterThanOrEqual(0);
  return text.slice(at + marker.length);
}

describe('console: a sprint mock exam through the real entry point', () => {
  // Every question "choose two", so the exam's first question is a multiple-select one whatever the draw.
  const bank = multiSelectBank();
  afterAll(() => bank.remove());

  it('starts, answers, refuses a wrong count, flags, goes back, changes an answer, asks before submitting, reports', async () => {
    const input = [
      '/quiz exam sprint',
      'A', // one letter on a "choose two" question: refused, nothing written
      'A,B',
      '/quiz exam flag',
      '/quiz exam back',
      'C D', // a changed answer
      '/quiz exam go 1',
      '/quiz exam submit', // unanswered and flagged questions: asks once
      '/quiz exam submit',
      '/quiz exam history',
      'A,B', // the exam is over: letters answer the daily question again
    ].join('\n');
    const run = await runEntryPoint(
      `${input}\n`,
      consoleEnv({ QUIZ_LOCALE: 'en', QUIZ_QUESTIONS_DIR: bank.dir }),
    );
    expect(run.code).toBe(0);
    const out = fold(run.stdout);

    const started = after(out, 'Question 1 of 10');
    expect(started).toMatch(/^ Sprint mock exam: 10 questions in 24 minutes/);
    expect(started).toContain('Choose 2');
    expect(started).toContain('Not answered yet (choose 2)');
    expect(started).toContain('1▸ 2· 3·');

    const refused = after(started, 'Type 2 letters (e.g. B,D) to answer');
    expect(refused).toMatch(
      /^ · \/quiz exam flag\|back\|next\|go <n>\|submit\|quit Question 1 of 10 Pick exactly 2/,
    );

    const second = after(refused, 'Question 2 of 10');
    expect(second).toContain('1✓ 2▸ 3·');
    const flagged = after(second, 'Question 2 of 10 · ⚑ flagged');
    const back = after(flagged, 'Question 1 of 10');
    expect(back.slice(0, 2000)).toContain('Your answer: A, B');
    const changed = after(back, 'Question 2 of 10 · ⚑ flagged');
    const again = after(changed, 'Question 1 of 10');
    expect(again.slice(0, 2000)).toContain('Your answer: C, D');

    const asked = after(
      again,
      'You have 9 unanswered and 1 flagged questions. Submit again within 2 minutes',
    );
    const report = after(asked, 'Sprint mock exam: ');
    expect(report).toMatch(/^\d+ of 10 right \(\d+%\)/);
    expect(report).toContain('Time used: 0:');
    expect(report).toContain('Your first exam of this form.');
    expect(report).toMatch(/[▰▱]{5} Architecting low-code AI solutions: \d\/\d \(\d+%, 95% range \d+-\d+%\)/);
    expect(report).toContain('Google publishes no pass mark');
    expect(report).toContain('Wrong and flagged questions (page 1 of 2)');
    expect(report).toContain('Question 2 ⚑');
    expect(report).toMatch(/Your answer: - · Right: [A-E], [A-E]/);
    expect(report).toContain('/quiz exam report 2 More');

    const history = after(report, 'Your mock exams');
    expect(history).toMatch(/^ .+ · Sprint mock exam: \d+\/10 \(\d+%\)/);
    // Back on the daily question: its feedback, not an exam screen.
    expect(history).toMatch(/(Correct!|Not quite\.)/);
    expect(history).not.toContain('Question 1 of 10');
  }, 60_000);

  it('a restart in the middle resumes the exam at its first unanswered question (Redis)', async () => {
    // Skipped only when there is no redis-server and QUIZ_TEST_SKIP_REDIS=1 asks for it.
    await withRedisPrefix(async (redisEnv) => {
      const env = consoleEnv({ QUIZ_LOCALE: 'en', QUIZ_QUESTIONS_DIR: bank.dir, ...redisEnv });
      const first = await runEntryPoint('/quiz exam sprint\nA,B\nC,D\n/quiz exam go 1\n', env);
      expect(fold(first.stdout)).toContain('Question 3 of 10');
      // Letters every "choose two" question has: some have only four options (A-D), so E could be refused.
      const second = await runEntryPoint('B,D\n', env);
      const out = fold(second.stdout);
      const resumed = after(out, 'Question 3 of 10');
      expect(resumed).toMatch(/^ Your exam goes on where you left it\./);
      expect(resumed).toContain('1✓ 2✓ 3▸ 4·');
      // Letters answer the exam, not the daily question.
      expect(after(resumed, 'Question 4 of 10')).toContain('1✓ 2✓ 3✓ 4▸');
    });
  }, 90_000);
});
