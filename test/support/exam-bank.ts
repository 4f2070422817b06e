import type { Question } from '../../src/core/model/model.js';
import { aBank, aQuestion } from './builders.js';

/**
 * Twenty questions in the builders' two sections, ten each; every fourth is "choose two" (B and D). A sprint
 * draws five from each section, so an exam always holds single-answer and multiple-select questions.
 */
export function examQuestions(): Question[] {
  return Array.from({ length: 20 }, (_, i) =>
    aQuestion({
      id: `q${i + 1}`,
      domain: i < 10 ? 'low-code-ai' : 'monitoring',
      ...(i % 4 === 3 ? { answer: ['B', 'D'] } : {}),
    }),
  );
}

export function anExamBank() {
  return aBank(examQuestions());
}
