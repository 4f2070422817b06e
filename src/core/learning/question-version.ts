import type { Question } from '../model/model.js';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;
const utf8 = new TextEncoder();

/** FNV-1a, 64 bits: a stable, dependency-free fingerprint (not a security hash; nothing here needs one). */
function fnv1a64(text: string): bigint {
  let hash = FNV_OFFSET;
  for (const byte of utf8.encode(text)) hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK_64;
  return hash;
}

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
  return fnv1a64(JSON.stringify(measured)).toString(16).padStart(16, '0').slice(0, 10);
}
