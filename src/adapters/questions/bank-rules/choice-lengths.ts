import stringWidth from 'string-width';
import type { Locale } from '../../../core/model/model.js';
import { answerKeysOf } from '../schema.js';
import { isMultipleSelect, type RuledQuestion } from './item-shape.js';

/**
 * Length cues of single-answer questions: test-wise readers pick the longest, most detailed option, so
 * the right one must not stand out by length. Japanese is measured by display width (a full-width
 * character counts 2), which is what the eye compares; English by characters.
 */
export interface LengthCues {
  /** Single-answer questions measured. */
  measured: number;
  /** Ids where the right choice is strictly the longest. */
  longestIsRight: string[];
  /** Ids where it is strictly the shortest: far above chance (25 %) would be the opposite tell. */
  shortestIsRight: string[];
  /** Ids where the right choice is at least `RATIO` times the mean wrong choice. */
  muchLonger: string[];
}

export const MUCH_LONGER_RATIO = 1.5;

export function textLength(text: string, locale: Locale): number {
  return locale === 'ja' ? stringWidth(text) : [...text].length;
}

export function lengthCues(questions: readonly RuledQuestion[], locale: Locale): LengthCues {
  const single = questions.filter((q) => !isMultipleSelect(q));
  const longestIsRight: string[] = [];
  const shortestIsRight: string[] = [];
  const muchLonger: string[] = [];
  for (const q of single) {
    const [key] = answerKeysOf(q);
    const right = q.choices.find((c) => c.key === key);
    const wrong = q.choices.filter((c) => c.key !== key).map((c) => textLength(c.text[locale], locale));
    if (!right || wrong.length === 0) continue;
    const length = textLength(right.text[locale], locale);
    if (wrong.every((w) => length > w)) longestIsRight.push(q.id);
    if (wrong.every((w) => length < w)) shortestIsRight.push(q.id);
    const meanWrong = wrong.reduce((a, b) => a + b, 0) / wrong.length;
    if (length >= MUCH_LONGER_RATIO * meanWrong) muchLonger.push(q.id);
  }
  return { measured: single.length, longestIsRight, shortestIsRight, muchLonger };
}
