import { createHash } from 'node:crypto';
import type { Localized } from '../../core/model/model.js';
import { answerKeysOf } from './schema.js';

/**
 * The review hash of a question: 12 hex characters of a SHA-256 over everything a reviewer judged, so a
 * review record (`questions/reviews/<domain>.yaml`) goes stale the moment any of it changes. It covers
 * the id, the stem, every choice (key, text and why, in file order), the answer and the explanation, in
 * both languages. Tags, sources, services, difficulty and style are left out: they change where a
 * question is used, not what a reader sees or what the review agreed to.
 */
export interface ReviewedQuestion {
  id: string;
  stem: Localized;
  choices: readonly { key: string; text: Localized; why: Localized }[];
  /** One key, or the keys of a multiple-select question (their order in the YAML does not matter). */
  answer: string | readonly string[];
  explanation: Localized;
}

export const REVIEW_HASH_LENGTH = 12;

/** Bumped only if the hashed fields change: every existing record would go stale with it. */
const FORMAT = 'pmle-review-hash/1';

export function reviewHash(q: ReviewedQuestion): string {
  const both = (text: Localized): [string, string] => [text.en, text.ja];
  // An array, not an object: the order of the parts is part of the format and never depends on key order.
  const canonical = JSON.stringify([
    FORMAT,
    q.id,
    both(q.stem),
    q.choices.map((c) => [c.key, both(c.text), both(c.why)]),
    answerKeysOf(q),
    both(q.explanation),
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex').slice(0, REVIEW_HASH_LENGTH);
}
