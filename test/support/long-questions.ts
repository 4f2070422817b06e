import path from 'node:path';
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
