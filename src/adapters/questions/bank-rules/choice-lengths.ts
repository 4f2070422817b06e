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

/**
 * The length rules a guesser's tricks cannot pass (issue #22): besides "never the longest", a bank whose
 * right options are hardly ever the longest teaches "never pick the longest", so the right option should be
 * strictly the longest, and strictly the shortest, about as often as chance (25 % of four options) allows.
 */
export interface LengthBands {
  /** Multiple-select questions measured. */
  multipleMeasured: number;
  /** Multiple-select ids whose k right options are exactly the k longest (each longer than every wrong one). */
  keysAllLongest: string[];
  /** Ids (any shape) whose longest option is more than `SPREAD_RATIO` times its shortest. */
  wideSpread: string[];
}

export const SPREAD_RATIO = 2;

export function lengthBands(questions: readonly RuledQuestion[], locale: Locale): LengthBands {
  const keysAllLongest: string[] = [];
  const wideSpread: string[] = [];
  let multipleMeasured = 0;
  for (const q of questions) {
    const lengths = q.choices.map((c) => textLength(c.text[locale], locale));
    if (Math.max(...lengths) > SPREAD_RATIO * Math.min(...lengths)) wideSpread.push(q.id);
    if (!isMultipleSelect(q)) continue;
    multipleMeasured += 1;
    const keys = new Set(answerKeysOf(q));
    const right = q.choices.filter((c) => keys.has(c.key)).map((c) => textLength(c.text[locale], locale));
    const wrong = q.choices.filter((c) => !keys.has(c.key)).map((c) => textLength(c.text[locale], locale));
    if (Math.min(...right) > Math.max(...wrong)) keysAllLongest.push(q.id);
  }
  return { multipleMeasured, keysAllLongest, wideSpread };
}
