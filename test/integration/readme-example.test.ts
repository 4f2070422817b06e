import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadQuizContent } from '../../src/adapters/questions/quiz-content.js';
import {
  consoleTranscript,
  EXAMPLE_FILE,
  EXAMPLE_SEED,
  exampleQuestion,
} from '../../src/tools/readme-parts.js';
import { consoleEnv, ROOT, runEntryPoint } from '../support/run-entry-point.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** The closing time is the one line the fixed clock of the README changes. */
const withoutClosingTime = (text: string): string => text.replace(/ · closes [^\n]*\n/, ' · closes …\n');

describe("README's question example", () => {
  it('is what `npm start` prints for that question, answered with its letter (but the closing time)', async () => {
    const quiz = loadQuizContent(path.join(ROOT, 'questions'));
    const question = exampleQuestion(quiz, path.join(ROOT, 'questions'));
    const transcript = await consoleTranscript(question, quiz);
    // Answered with the letters its right choices are shown under, so the example explains the key.
    expect(transcript).toContain('\nCorrect! +10 points\n');
    // The bank of the real entry point holds that question only, as the README's session does.
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'readme-example-')), 'questions');
    made.push(path.dirname(dir));
    mkdirSync(dir);
    for (const file of ['domains.yaml', 'services.yaml'])
      copyFileSync(path.join(ROOT, 'questions', file), path.join(dir, file));
    const records = parse(readFileSync(path.join(ROOT, 'questions', EXAMPLE_FILE), 'utf8')) as {
      id: string;
    }[];
    writeFileSync(path.join(dir, EXAMPLE_FILE), stringify(records.filter((q) => q.id === question.id)));
    const typed = transcript.split('\n').find((_line, i, lines) => lines[i - 1]?.startsWith('Type 1-'));
    const run = await runEntryPoint(
      `${typed}\n`,
      consoleEnv({ QUIZ_QUESTIONS_DIR: dir, QUIZ_LOCALE: 'en', QUIZ_SEED: String(EXAMPLE_SEED), USER: '' }),
    );
    expect(run.code).toBe(0);
    const printed = run.stdout.slice(run.stdout.indexOf('━━━'));
    // Piped input is not echoed: the README shows the typed letters where a terminal would.
    const expected = transcript.replace(`\n${typed}\n`, '\n');
    expect(withoutClosingTime(printed.trimEnd())).toBe(withoutClosingTime(expected));
  });
});
