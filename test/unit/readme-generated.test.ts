import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadQuizContent } from '../../src/adapters/questions/quiz-content.js';
import {
  EXAMPLE_FILE,
  EXAMPLE_ID,
  exampleQuestion,
  readmePart,
  readmeParts,
  withReadmeParts,
} from '../../src/tools/readme-parts.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const RUN = 'README.md is out of date: run `npm run readme:example` and commit README.md';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the bank whose example file is changed by `edit`. */
function bankCopy(edit: (questions: Record<string, unknown>[]) => Record<string, unknown>[]): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'readme-bank-')), 'questions');
  made.push(path.dirname(dir));
  cpSync(path.join(ROOT, 'questions'), dir, { recursive: true });
  const file = path.join(dir, EXAMPLE_FILE);
  writeFileSync(file, stringify(edit(parse(readFileSync(file, 'utf8')) as Record<string, unknown>[])));
  return dir;
}

describe("README's generated parts", () => {
  it('show the current bank and rules: the example question as console mode prints it, and the check list', async () => {
    for (const part of await readmeParts(path.join(ROOT, 'questions'))) {
      expect(readmePart(readme, part.name), `${RUN} (${part.name})`).toBe(part.text);
    }
  });

  it('go stale when the example question is edited, and the command writes them back', async () => {
    const dir = bankCopy((questions) =>
      questions.map((q) =>
        q.id === EXAMPLE_ID
          ? {
              ...q,
              stem: {
                ...(q.stem as object),
                en: 'A grocery chain has changed its mind. What should you do?',
              },
            }
          : q,
      ),
    );
    const parts = await readmeParts(dir);
    const example = parts.find((p) => p.name === 'question-example')?.text ?? '';
    expect(example).toContain('A grocery chain has changed its mind.');
    expect(readmePart(readme, 'question-example')).not.toBe(example);
    expect(readmePart(withReadmeParts(readme, parts), 'question-example')).toBe(example);
  });

  it('fall back to the first single-answer scenario of the example file when the named question is removed', async () => {
    const dir = bankCopy((questions) => questions.filter((q) => q.id !== EXAMPLE_ID));
    const quiz = loadQuizContent(dir);
    const first = quiz.content.questions.find(
      (q) => q.file.endsWith(EXAMPLE_FILE) && q.style === 'scenario' && typeof q.answer === 'string',
    );
    expect(exampleQuestion(quiz, dir).id).toBe(first?.id);
    const example = (await readmeParts(dir)).find((p) => p.name === 'question-example')?.text;
    expect(readmePart(readme, 'question-example')).not.toBe(example);
  });
});
