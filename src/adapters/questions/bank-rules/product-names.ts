import { LOCALES } from '../../../core/model/model.js';
import { normalizeQuery } from '../normalize-query.js';
import type { ServiceRecord } from '../schema.js';
import type { RuledQuestion } from './item-shape.js';
import {
  CODE_NAMES,
  OPEN_SOURCE_NAMES,
  OTHER_GOOGLE_NAMES,
  OTHER_GOOGLE_NAMES_JA,
  TECHNICAL_TERMS,
} from './known-names.js';

/**
 * Product names in stems and choices (both languages) that resolve to nothing: not a catalog name,
 * former name or alias, nor a known open-source tool, other Google name or technical term.
 *
 * What counts as a product name, by the way Google names its products:
 * - a run of capitalised words after a brand word (`Cloud Logging`, `Google Kubernetes Engine`,
 *   `Agent Platform Pipelines`, `Vertex AI Feature Store`);
 * - a run of capitalised words ending in `API` or `AI` (`Timeseries Insights API`, `Document AI`);
 * - a word with a capital inside it (`BigQuery`, `XGBoost`, `MLflow`), and the words that follow it
 *   capitalised (`BigQuery ML`);
 * - a known product word standing alone (`Dataflow`, `Spanner`, `Looker`…).
 */
export interface UnresolvedName {
  id: string;
  name: string;
}

// Dots only inside a word (`tf.data`), so a sentence's full stop ends the name.
const CAPITALISED = String.raw`[A-Z0-9][\w/-]*(?:\.\w+)*`;
const BRANDED = new RegExp(
  String.raw`\b(?:Google Cloud|Google|Cloud|Vertex AI|Agent Platform|Gemini Enterprise Agent Platform)(?: ${CAPITALISED})+`,
  'g',
);
const API_OR_AI = new RegExp(String.raw`\b(?:${CAPITALISED} )+(?:API|AI)\b`, 'g');
const INNER_CAPITAL = new RegExp(
  String.raw`\b(?:[A-Za-z]*[a-z][A-Z]|[A-Z]{2,}[a-z])[\w-]*(?: (?:${CAPITALISED}))*`,
  'g',
);
const PRODUCT_WORDS =
  /\b(?:Dataflow|Dataproc|Bigtable|Spanner|Firestore|Datastore|Looker|Memorystore|Dataplex|Datastream|Dataform|Dialogflow|Gemini|Imagen|Veo|Chirp|Kubeflow|Composer|Apigee|Firebase|AlloyDB|Pub\/Sub|Colab)(?: [A-Z][\w/-]*)*/g;

export function unresolvedNames(
  questions: readonly RuledQuestion[],
  services: readonly ServiceRecord[],
): UnresolvedName[] {
  const known = knownTerms(services);
  const found: UnresolvedName[] = [];
  for (const q of questions) {
    const names = new Set<string>();
    for (const locale of LOCALES) {
      for (const text of [q.stem[locale], ...q.choices.map((c) => c.text[locale])]) {
        for (const name of namesIn(text)) names.add(name);
      }
    }
    for (const name of names) if (!resolves(name, known)) found.push({ id: q.id, name });
  }
  return found;
}

/** Product-like names in one text, longest first where they overlap. */
export function namesIn(text: string): string[] {
  const spans: { start: number; end: number; name: string }[] = [];
  for (const pattern of [BRANDED, API_OR_AI, PRODUCT_WORDS, INNER_CAPITAL]) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      const name = withoutSentenceWords(match[0].replace(/[.,:;)/-]+$/, ''));
      if (name === '' || name === 'API' || name === 'AI') continue;
      const end = start + name.length;
      if (spans.some((s) => start < s.end && end > s.start)) continue;
      spans.push({ start, end, name });
    }
  }
  return spans.map((s) => s.name);
}

/**
 * Words that start a sentence or describe a product without naming it (`Which API…`, `Legacy AI Platform`):
 * capitalised by grammar, not part of a name.
 */
const SENTENCE_WORDS = new Set([
  'Which',
  'What',
  'Use',
  'Reuse',
  'Call',
  'The',
  'A',
  'An',
  'Each',
  'Every',
  'Legacy',
  'Any',
]);

function withoutSentenceWords(name: string): string {
  const words = name.split(' ');
  while (words.length > 1 && SENTENCE_WORDS.has(words[0] ?? '')) words.shift();
  return words.join(' ');
}

function knownTerms(services: readonly ServiceRecord[]): Set<string> {
  const terms = services.flatMap((s) => [s.id, s.name, ...s.formerNames, ...s.aliases, s.ja.name]);
  return new Set(
    [
      ...terms,
      ...OPEN_SOURCE_NAMES,
      ...OTHER_GOOGLE_NAMES,
      ...Object.keys(OTHER_GOOGLE_NAMES_JA),
      ...TECHNICAL_TERMS,
      ...CODE_NAMES,
    ]
      .map(normalizeQuery)
      .filter((t) => t.length > 0),
  );
}

/**
 * A name resolves when it is a known term, or a known term followed by words that only say which part
 * of the product is meant (`BigQuery ML` is a term of its own; `Cloud Storage FUSE` resolves through
 * `Cloud Storage`). Brand words alone never resolve a longer name: `Cloud Spanner` needs its own entry.
 */
function resolves(name: string, known: Set<string>): boolean {
  const words = name.split(' ');
  // A plural (`Cloud TPUs`) names the product too.
  const singular =
    name.endsWith('s') && name.length > 3 ? [...words.slice(0, -1), (words.at(-1) ?? '').slice(0, -1)] : null;
  if (singular && resolvesAsWritten(singular, known)) return true;
  // A capitalised word that starts a sentence is not part of the name (`Reuse Natural Language API`),
  // so a name also resolves through its tails of two words or more.
  const tails = words.length === 1 ? [words] : words.slice(0, -1).map((_, i) => words.slice(i));
  return tails.some((tail) => resolvesAsWritten(tail, known));
}

function resolvesAsWritten(words: readonly string[], known: Set<string>): boolean {
  for (let n = words.length; n >= 1; n--) {
    const head = normalizeQuery(words.slice(0, n).join(' '));
    if (!known.has(head)) continue;
    if (n === words.length) return true;
    return !BRAND_ONLY.has(head);
  }
  return false;
}

const BRAND_ONLY = new Set(
  ['google', 'cloud', 'googlecloud', 'vertexai', 'agentplatform'].map(normalizeQuery),
);
