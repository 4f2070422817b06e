import { answerKeysOf } from '../schema.js';
import type { RuledQuestion } from './item-shape.js';

/**
 * The stem tells the reader how many to pick (the writer words it, so the YAML holds it): a
 * multiple-select stem names its count in both languages, and a single-answer stem asks for no count.
 * Returns the ids whose wording does not match their answer.
 */
const EN_COUNT: Record<number, RegExp> = { 2: /\bchoose (?:two|2)\b/i, 3: /\bchoose (?:three|3)\b/i };
const JA_COUNT: Record<number, RegExp> = { 2: /[2２]\s?つ選/, 3: /[3３]\s?つ選/ };
const ANY_COUNT = /\bchoose (?:two|three|[23])\b|[23２３]\s?つ選/i;

export function pickCountMismatches(questions: readonly RuledQuestion[]): string[] {
  return questions
    .filter((q) => {
      const count = answerKeysOf(q).length;
      if (count === 1) return ANY_COUNT.test(q.stem.en) || ANY_COUNT.test(q.stem.ja);
      return !(EN_COUNT[count]?.test(q.stem.en) && JA_COUNT[count]?.test(q.stem.ja));
    })
    .map((q) => q.id);
}
