import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CODE_NAMES,
  OPEN_SOURCE_NAMES,
  OTHER_GOOGLE_NAMES,
} from '../../../src/adapters/questions/bank-rules/known-names.js';
import {
  blindQuestions,
  formatBlindQuestion,
  selectQuestions,
} from '../../../src/adapters/questions/blind-question.js';
import { loadContent } from '../../../src/adapters/questions/load-content.js';
import { NOT_NAMES } from '../../../src/adapters/questions/not-names.js';
import { reviewHash } from '../../../src/adapters/questions/review-hash.js';
import { answerKeysOf } from '../../../src/adapters/questions/schema.js';

const content = loadContent(path.resolve(import.meta.dirname, '../../../questions'));

/**
 * Every name the blind pass must hide, as the catalog and the known lists write it: catalog names, former
 * names and Japanese names (with a parenthesised abbreviation such as `（GKE）` on its own), open-source and
 * other Google names, and code names.
 */
function namesToHide(): string[] {
  const catalog = content.services.flatMap((s) => [s.name, ...s.formerNames, s.ja.name]);
  const parts = catalog.flatMap((name) => {
    const m = /^(.+?)\s*[（(]([^）)]+)[）)]$/.exec(name);
    return m?.[1] && m[2] ? [m[1], ...(/^[A-Z]/.test(m[2]) ? [m[2]] : [])] : [];
  });
  return [...catalog, ...parts, ...OPEN_SOURCE_NAMES, ...OTHER_GOOGLE_NAMES, ...CODE_NAMES].filter(
    (name) => !NOT_NAMES.has(name.toLowerCase()) || content.services.some((s) => s.name === name),
  );
}

/**
 * Where `name` is still written in `text` as a name: any case after its first letter, which must be a
 * capital when the list writes one (the words "ray" or "model monitoring" in lower case are not names), not
 * inside a longer Latin word or dotted name.
 */
function leftIn(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const latin = /^[A-Za-z0-9_]/.test(name);
  const pattern = new RegExp(latin ? `(?<![A-Za-z0-9_.-])${escaped}(?![A-Za-z0-9_])` : escaped, 'gi');
  return [...text.matchAll(pattern)].some((m) => !/^[A-Z]/.test(name) || /^[A-Z]/.test(m[0]));
}

describe('questions for the blind pass, on the real bank', () => {
  const all = blindQuestions(content, content.questions, { answers: false });
  const text = all.map((q) => formatBlindQuestion(q)).join('\n\n');

  it('leaves no catalog, known or code name in the whole bank, in either language', () => {
    expect(all).toHaveLength(content.questions.length);
    const left = namesToHide().filter((name) => leftIn(text, name));
    expect(left).toEqual([]);
    expect(text).toMatch(/Product A/);
  });

  it('shows the id and current review hash, the stem and options with keys, and no key, why or explanation', () => {
    for (const [i, q] of content.questions.entries()) {
      const view = all[i];
      expect(view?.id).toBe(q.id);
      expect(view?.hash).toBe(reviewHash(q));
      expect(view?.choices.map((c) => c.key)).toEqual(q.choices.map((c) => c.key));
      expect(view?.choices.every((c) => c.why === undefined)).toBe(true);
      expect(view?.answer).toBeUndefined();
      expect(view?.names).toBeUndefined();
    }
    const first = content.questions[0];
    expect(text).toContain(`== ${first?.id} · review hash ${first ? reviewHash(first) : ''}`);
    expect(text).not.toMatch(/^Key:|why \[en\]|^Names:/m);
  });

  it('adds the key, the masked whys and the names with --answers, keeping the same letters', () => {
    const withAnswers = blindQuestions(content, content.questions, { answers: true });
    for (const [i, q] of content.questions.entries()) {
      const view = withAnswers[i];
      expect(view?.answer).toEqual(answerKeysOf(q));
      expect(view?.choices.every((c) => c.why !== undefined)).toBe(true);
      expect(view?.stem).toEqual(all[i]?.stem);
      expect(view?.choices.map((c) => c.text)).toEqual(all[i]?.choices.map((c) => c.text));
    }
    const printed = withAnswers.map((q) => formatBlindQuestion(q)).join('\n\n');
    expect(printed).toMatch(/^Key: [A-E]/m);
    expect(printed).toMatch(/^Names: Product A = /m);
  });
});

describe('choosing questions for the blind pass', () => {
  it('takes a question id, a domain id or a section number, in file order', () => {
    const section = content.domains.find((d) => d.section === 6);
    const inSection = content.questions.filter((q) => q.domain === section?.id).map((q) => q.id);
    expect(selectQuestions(content, ['6']).questions.map((q) => q.id)).toEqual(inSection);
    expect(selectQuestions(content, [section?.id ?? '']).questions.map((q) => q.id)).toEqual(inSection);
    const one = content.questions[3]?.id ?? '';
    expect(selectQuestions(content, [one]).questions.map((q) => q.id)).toEqual([one]);
    expect(selectQuestions(content, ['7', 'no-such-question']).unknown).toEqual(['7', 'no-such-question']);
  });
});
