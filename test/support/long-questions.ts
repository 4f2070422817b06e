import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { loadQuizContent } from '../../src/adapters/questions/quiz-content.js';
import type { Question } from '../../src/core/model/model.js';

/** The bank of `test/fixtures/bank-long`: the longest questions the format allows, one single-answer, one "choose two". */
export const LONG_BANK_DIR = path.resolve(import.meta.dirname, '../fixtures/bank-long');

export function longContent() {
  return loadQuizContent(LONG_BANK_DIR);
}

export function longQuestions(): readonly Question[] {
  return longContent().bank.all();
}

export function longMultiQuestion(): Question {
  const question = longContent().bank.get('long-multi-drift-monitoring');
  if (!question) throw new Error('the long fixture bank lost its multiple-select question');
  return question;
}

/**
 * A question folder holding only the long fixture question `id`, for console runs that must show one known
 * question. `made` collects the temp folders so the suite can remove them after all.
 */
export function longBankOf(id: string, made: string[]): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'long-bank-')), 'questions');
  made.push(path.dirname(dir));
  cpSync(LONG_BANK_DIR, dir, { recursive: true });
  const file = path.join(dir, '1-long.yaml');
  const questions = parse(readFileSync(file, 'utf8')) as { id: string }[];
  writeFileSync(file, stringify(questions.filter((q) => q.id === id)));
  return dir;
}
