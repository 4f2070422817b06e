import type { Localized } from '../../core/model/model.js';
import type { Content, LoadedQuestion } from './load-content.js';
import { type MaskLegendEntry, NameMasker } from './name-masks.js';
import { reviewHash } from './review-hash.js';
import { answerKeysOf } from './schema.js';

/**
 * A question as the blind pass of a review reads it (`npm run questions:blind`): names masked, choices with
 * their file keys, no key, no why, no explanation; its review hash in the header, so the record written
 * from it pins this very text. With `answers` (the expert pass) it adds the key, each choice's why (masked
 * with the same letters) and which name each placeholder stands for.
 */
export interface BlindQuestion {
  id: string;
  domain: string;
  section: number;
  hash: string;
  /** How many choices to pick: 1, or the size of a multiple-select answer. */
  pick: number;
  stem: Localized;
  choices: { key: string; text: Localized; why?: Localized }[];
  answer?: string[];
  names?: MaskLegendEntry[];
}

export interface BlindSelection {
  questions: LoadedQuestion[];
  /** Arguments that are neither a question id, a domain id nor a section number. */
  unknown: string[];
}

/** Questions by id, or whole sections by domain id (`low-code-ai`) or section number (`1`), in file order. */
export function selectQuestions(content: Content, selectors: readonly string[]): BlindSelection {
  const chosen = new Set<string>();
  const unknown: string[] = [];
  for (const selector of selectors) {
    const domain = content.domains.find((d) => d.id === selector || String(d.section) === selector);
    const matches = domain
      ? content.questions.filter((q) => q.domain === domain.id)
      : content.questions.filter((q) => q.id === selector);
    if (matches.length === 0 && !domain) unknown.push(selector);
    for (const q of matches) chosen.add(q.id);
  }
  return { questions: content.questions.filter((q) => chosen.has(q.id)), unknown };
}

export function blindQuestions(
  content: Content,
  questions: readonly LoadedQuestion[],
  options: { answers: boolean },
): BlindQuestion[] {
  const masker = new NameMasker(content.services);
  const sections = new Map(content.domains.map((d) => [d.id, d.section]));
  return questions.map((q) => {
    const mask = masker.forQuestion();
    const masked = (text: Localized): Localized => ({ en: mask.mask(text.en), ja: mask.mask(text.ja) });
    // What the blind reader sees takes its letters first, so `--answers` never changes them.
    const stem = { en: mask.mask(q.stem.en), ja: '' };
    const en = q.choices.map((c) => mask.mask(c.text.en));
    stem.ja = mask.mask(q.stem.ja);
    const choices = q.choices.map((c, i) => ({
      key: c.key,
      text: { en: en[i] ?? '', ja: mask.mask(c.text.ja) },
    }));
    const answer = answerKeysOf(q);
    const view: BlindQuestion = {
      id: q.id,
      domain: q.domain,
      section: sections.get(q.domain) ?? 0,
      hash: reviewHash(q),
      pick: answer.length,
      stem,
      choices,
    };
    if (!options.answers) return view;
    return {
      ...view,
      choices: choices.map((c, i) => ({ ...c, why: masked(q.choices[i]?.why ?? { en: '', ja: '' }) })),
      answer,
      names: mask.legend(),
    };
  });
}

/** The text form: one block per question, English then Japanese. */
/**
 * One question as text. `hideId`: the header names the question by its review hash only, for a reader who
 * must not see the id (ids are descriptive, such as `s6-explainable-ai-shutdown-plan`, so they can hint at
 * the key the masked text hides).
 */
export function formatBlindQuestion(q: BlindQuestion, options: { hideId?: boolean } = {}): string {
  const name = options.hideId ? 'question' : q.id;
  const lines = [
    `== ${name} · review hash ${q.hash} · section ${q.section} (${q.domain}) · ${
      q.pick === 1 ? 'one answer' : `choose ${q.pick}`
    } of ${q.choices.length}`,
  ];
  for (const locale of ['en', 'ja'] as const) {
    lines.push('', `[${locale}] ${q.stem[locale]}`);
    for (const c of q.choices) lines.push(`  ${c.key}. ${c.text[locale]}`);
  }
  if (q.answer) {
    lines.push('', `Key: ${q.answer.join(', ')}`);
    for (const c of q.choices) {
      if (!c.why) continue;
      lines.push(`  ${c.key}. why [en] ${c.why.en}`, `     why [ja] ${c.why.ja}`);
    }
  }
  if (q.names && q.names.length > 0) {
    lines.push('', `Names: ${q.names.map((n) => `${n.placeholder} = ${n.name}`).join(' · ')}`);
  }
  return lines.join('\n');
}
