import { createHash } from 'node:crypto';
import type { Question } from '../model.js';

/**
 * A short hash of what a player answers: the stem, the choices and the key, in both languages. Item
 * statistics are kept per version, so a rewritten question starts afresh; tags, sources and explanations
 * do not change what is measured, so editing them keeps the figures.
 */
export function questionVersion(question: Question): string {
  const measured = {
    stem: question.stem,
    choices: question.choices.map((c) => [c.key, c.text]),
    answer: question.answer,
  };
  return createHash('sha256').update(JSON.stringify(measured)).digest('hex').slice(0, 10);
}
