import type { ServiceRecord } from '../schema.js';
import type { RuledQuestion } from './item-shape.js';

/**
 * Japanese text names a product as Google's Japanese documentation does: the catalog's `ja.name`. A
 * Japanese stem or option that writes the English name of a product whose Japanese name is another term
 * ("Vector Search" where the docs say 「ベクトル検索」) is listed. A Japanese name that only shortens the
 * English one or adds a gloss to it (Model Registry, Google Kubernetes Engine（GKE）) is the same term, so
 * those products are not checked; nor is the part of an English name in parentheses ("(online inference)").
 * A product-history question (tagged `trivia`: "what is Recommendations AI called today?") is about the
 * English names themselves, so it is left out.
 */
export interface JaProductTerm {
  id: string;
  /** The English name as written in the Japanese text. */
  name: string;
  /** The catalog's Japanese name to write instead. */
  ja: string;
}

export const NAME_HISTORY_TAG = 'trivia';

interface Term {
  pattern: RegExp;
  ja: string;
}

export function jaProductTerms(
  questions: readonly RuledQuestion[],
  services: readonly Pick<ServiceRecord, 'name' | 'ja'>[],
): JaProductTerm[] {
  const terms = termsToCheck(services);
  const found: JaProductTerm[] = [];
  for (const q of questions.filter((q) => !q.tags.includes(NAME_HISTORY_TAG))) {
    const seen = new Set<string>();
    for (const text of [q.stem.ja, ...q.choices.map((c) => c.text.ja)]) {
      for (const { pattern, ja } of terms) {
        for (const match of text.matchAll(pattern)) {
          if (seen.has(match[0])) continue;
          seen.add(match[0]);
          found.push({ id: q.id, name: match[0], ja });
        }
      }
    }
  }
  return found;
}

function termsToCheck(services: readonly Pick<ServiceRecord, 'name' | 'ja'>[]): Term[] {
  const fold = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return services.flatMap((s) => {
    const english = s.name.replace(/\s*\([^)]*\)\s*$/, '').trim();
    const en = fold(english);
    const ja = fold(s.ja.name);
    if (en === '' || ja.includes(en) || en.includes(ja)) return [];
    const escaped = english.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    return [{ pattern: new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, 'gi'), ja: s.ja.name }];
  });
}
