import { rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { fold, rightLetters, wrongLetter } from '../support/console-output.js';
import { longBankOf } from '../support/long-questions.js';
import { consoleEnv, runEntryPoint } from '../support/run-entry-point.js';
import { singleAnswerBank } from '../support/single-answer-bank.js';

/** Help, section names, readiness, review and team wording, feedback lines and names, as the terminal shows them. */

const SECTIONS = [
  'low-code-ai',
  'data-and-models',
  'scaling-prototypes',
  'serving-and-scaling',
  'pipelines',
  'monitoring',
];

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const bankOf = (id: string): string => longBankOf(id, made);

/** The output with each dashboard sign-in link replaced by a placeholder. */
function withoutLinks(out: string): string {
  return out.replace(/http:\/\/127\.0\.0\.1:\d+\/dash\/login\?t=\S+/g, '<dashboard link>');
}

function without(env: NodeJS.ProcessEnv, ...names: string[]): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !names.includes(name)));
}

// Most tests run the bot twice; each run takes a few seconds on a busy machine.
describe('console help, wording and names', { timeout: 60_000 }, () => {
  const single = singleAnswerBank();
  afterAll(() => single.remove());

  it.each([
    ['en', /button|press/i],
    ['ja', /ボタン|押/],
  ])(
    '/help and /quiz help print the same help (%s), listing every command and no buttons',
    async (locale, buttons) => {
      const env = consoleEnv({ QUIZ_LOCALE: locale, QUIZ_SEED: '2', QUIZ_QUESTIONS_DIR: single.dir });
      const [plain, quiz] = await Promise.all([
        runEntryPoint('/help\n', env),
        runEntryPoint('/quiz help\n', env),
      ]);
      // Each start prints a fresh single-use dashboard link (another port and token): the rest is the same.
      expect(withoutLinks(quiz.stdout)).toBe(withoutLinks(plain.stdout));
      const help = plain.stdout.slice(plain.stdout.lastIndexOf('/help') - 2000);
      for (const command of [
        '/quiz lang',
        '/quiz guessed',
        '/practice',
        '/quiz today',
        '/quiz next',
        '/gcp',
      ]) {
        expect(plain.stdout).toContain(command);
      }
      expect(help.slice(help.indexOf('/gcp'))).not.toMatch(buttons);
    },
  );

  it('names the six exam sections wherever a section is asked for and not found', async () => {
    const input = ['/quiz next foo', '/quiz next 7', '/quiz post foo', '/quiz schedule domain', ''].join(
      '\n',
    );
    const result = await runEntryPoint(
      input,
      consoleEnv({ QUIZ_LOCALE: 'en', QUIZ_QUESTIONS_DIR: single.dir }),
    );
    const out = fold(result.stdout);
    expect(out).not.toContain('There are no questions for that exam section.');
    for (const id of SECTIONS) expect(out.split(id).length - 1).toBeGreaterThanOrEqual(4);
    expect(out).toContain('"foo" is not an exam section.');
  });

  it('/quiz ready says what the overall figure covers in words a reader understands', async () => {
    const practice = Array.from({ length: 5 }, () => '/quiz next monitoring\n1').join('\n');
    const result = await runEntryPoint(
      `${practice}\n/quiz ready\n`,
      consoleEnv({ QUIZ_LOCALE: 'en', QUIZ_SEED: '4', QUIZ_QUESTIONS_DIR: single.dir }),
    );
    const out = fold(result.stdout);
    expect(out).toContain('Overall, weighted by the exam guide');
    expect(out).not.toMatch(/over \d+% of the exam/);
    expect(out).toMatch(
      /It counts only the sections with enough answers so far, which make up \d+% of the exam\./,
    );
  });

  it('a wrong answer promises a review when the schedule has one, not now', async () => {
    const env = consoleEnv({ QUIZ_LOCALE: 'en', QUIZ_SEED: '6', QUIZ_QUESTIONS_DIR: single.dir });
    const shown = await runEntryPoint('', env); // the same seed shows the same question in the same order
    const wrong = wrongLetter(rightLetters(shown.stdout, single.dir));
    const result = await runEntryPoint(`${wrong}\n/quiz review\n`, env);
    const out = fold(result.stdout);
    expect(out).toContain('Not quite.');
    expect(out).not.toContain('come back in /quiz review');
    expect(out).toContain('This question will come back for review, tomorrow at the earliest.');
    expect(out).toMatch(/No reviews due\. The next one is due \w+ \d+/);
  });

  it('joining a team says that points earned before joining do not count for it', async () => {
    const result = await runEntryPoint(
      '/quiz team join Owls\n',
      consoleEnv({ QUIZ_LOCALE: 'en', QUIZ_QUESTIONS_DIR: single.dir }),
    );
    expect(fold(result.stdout)).toContain(
      'You joined Owls (new team). Points you earned before joining do not count for the team.',
    );
    const ja = await runEntryPoint('/quiz team join Owls\n', consoleEnv({ QUIZ_QUESTIONS_DIR: single.dir }));
    // Japanese wraps without spaces: join the lines.
    expect(ja.stdout.replace(/\n/g, '')).toContain('参加する前に獲得した得点はチームには加算されません。');
  });

  it('"choose two" feedback offers the same guessed and report lines as a single answer', async () => {
    const dir = bankOf('long-multi-drift-monitoring');
    const env = consoleEnv({ QUIZ_QUESTIONS_DIR: dir, QUIZ_LOCALE: 'en', QUIZ_SEED: '11' });
    const shown = await runEntryPoint('', env);
    const right = rightLetters(shown.stdout, dir);
    const result = await runEntryPoint(`${right.join(',')}\n`, env);
    const feedback = result.stdout.slice(result.stdout.indexOf('Correct! +10 points'));
    expect(feedback).toContain('/quiz guessed   I guessed');
    expect(feedback).toContain('/quiz report <wrong-key|ambiguous|outdated|translation|other> [details]');
  });

  it('names the console player from USER, else USERNAME, else the OS user', async () => {
    const base = consoleEnv({ QUIZ_LOCALE: 'en', QUIZ_QUESTIONS_DIR: single.dir });
    const fromUsername = await runEntryPoint('/quiz me\n', { ...without(base, 'USER'), USERNAME: 'winuser' });
    expect(fromUsername.stdout).toContain('Stats for winuser');
    const fromOs = await runEntryPoint('/quiz me\n', without(base, 'USER', 'USERNAME'));
    expect(fromOs.stdout).toContain(`Stats for ${userInfo().username}`);
    expect(fromOs.stdout).not.toContain('(no name)');
  });
});
