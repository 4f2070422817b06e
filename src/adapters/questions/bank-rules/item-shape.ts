import type { Locale } from '../../../core/model/model.js';
import { answerKeysOf } from '../schema.js';

/** What the bank-wide rules read of a question: the fields of the YAML record they need. */
export interface RuledQuestion {
  id: string;
  file: string;
  domain: string;
  style: string;
  tags: readonly string[];
  sources: readonly string[];
  stem: Record<Locale, string>;
  choices: readonly { key: string; text: Record<Locale, string> }[];
  /** One key, or the keys of a multiple-select question. */
  answer: string | readonly string[];
}

export function isMultipleSelect(q: RuledQuestion): boolean {
  return answerKeysOf(q).length > 1;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
