import { afterAll, describe, expect, it } from 'vitest';
import { fold } from '../support/console-output.js';
import { consoleEnv, runEntryPoint } from '../support/run-entry-point.js';
import { singleAnswerBank } from '../support/single-answer-bank.js';

describe("console mode: today's question is never lost behind a practice question", () => {
  // One typed letter answers only a single-answer question.
  const bank = singleAnswerBank();
  afterAll(() => bank.remove());

  it('/quiz next, answer it, then /quiz today brings back the daily question, and /quiz me counts it (en)', async () => {
    const input = ['/quiz next', 'C', '/quiz today', 'C', '/quiz me', '/quiz today', ''].join('\n');
    const result = await runEntryPoint(
      input,
      consoleEnv({ QUIZ_LOCALE: 'en', QUIZ_SEED: '5', QUIZ_QUESTIONS_DIR: bank.dir }),
    );
    expect(result.code).toBe(0);
    const out = fold(result.stdout);
    const practice = out.indexOf('Practice question (not scored)');
    expect(practice).toBeGreaterThan(0);
    const afterPractice = out.slice(practice);
    // Once the practice question is answered, the console says how to get back to today's question.
    expect(afterPractice).toMatch(/Today's question is still open: \/quiz today shows it again\./);
    // `/quiz today` shows the daily question again, open, and the next letter answers it.
    const today = afterPractice.indexOf("Today's PMLE question");
    expect(today).toBeGreaterThan(0);
    const afterToday = afterPractice.slice(today);
    expect(afterToday).toContain('Open: you have not answered it yet.');
    expect(afterToday).toMatch(/Correct! \+10 points|Not quite\./);
    expect(afterToday).not.toContain('You already answered this one');
    expect(afterToday).toMatch(/Accuracy: [01]\/1/); // /quiz me counts the daily answer
    expect(afterToday).not.toContain('No daily answers yet.');
    // The second `/quiz today` shows the state: answered, with the right answer.
    expect(afterToday).toMatch(/You answered today's question: (right|wrong)\. Right answer: [A-E]\./);
  });

  it('the same in Japanese', async () => {
    const input = ['/quiz next', 'C', '/quiz today', 'C', '/quiz me', '/quiz today', ''].join('\n');
    const result = await runEntryPoint(input, consoleEnv({ QUIZ_SEED: '5', QUIZ_QUESTIONS_DIR: bank.dir }));
    expect(result.code).toBe(0);
    const out = fold(result.stdout);
    const afterPractice = out.slice(out.indexOf('練習問題（得点には数えません）'));
    expect(afterPractice).toContain('今日の問題はまだ回答できます。/quiz today でもう一度表示します。');
    const afterToday = afterPractice.slice(afterPractice.indexOf('今日の PMLE 問題'));
    expect(afterToday).toContain('受付中: まだ回答していません。');
    expect(afterToday).toMatch(/正解です！|残念、不正解です。/);
    expect(afterToday).toMatch(/正答率: [01]\/1/);
    expect(afterToday).toMatch(/今日の問題には回答済みです（(正解|不正解)）。正解: [A-E]\./);
  });
});
