import {
  CODE_NAMES,
  OPEN_SOURCE_NAMES,
  OTHER_GOOGLE_NAMES,
  OTHER_GOOGLE_NAMES_JA,
} from './bank-rules/known-names.js';
import { NOT_NAMES } from './not-names.js';
import type { ServiceRecord } from './schema.js';

/**
 * Masks product and tool names for the blind pass of a review (`npm run questions:blind`): every catalog
 * name (services.yaml `name`, `formerNames`, `ja.name`, `ja.reading`, and the `aliases` that are names),
 * every open-source and other Google name of `bank-rules/known-names.ts` becomes "Product A", "Product B"…;
 * the API, class and function names of `CODE_NAMES` become "Feature A"…. One letter stands for one product
 * in every text of a question, English and Japanese alike.
 *
 * How a name is found:
 * - longest match first, so `Agent Platform AutoML` is one product, not `Agent Platform` and `AutoML`;
 * - Latin names in any case after their first letter; a name the catalog capitalises must start with a
 *   capital in the text too, as names do in prose, so the words "ray", "spark" or "model monitoring" in
 *   lower case stay words. Package and module names (`tf.data`, `pandas-gbq`) and code names match in any case;
 * - inside compounds: `BigQuery ML's`, `Dataflow-based`, `BigQuery で`; a plural (`TPUs`, `GSUs`) is
 *   masked whole. A Latin name never matches inside a longer word, a dotted name (`model.tf`) or after a
 *   hyphen in lower case (`X-ray`); a katakana name never matches inside a longer katakana word (レイ in
 *   レイテンシ);
 * - a dotted name whose parts include a masked name (`tf.keras.callbacks.EarlyStopping`, `torch.jit.script`)
 *   is masked whole, as a feature.
 */
export type MaskKind = 'product' | 'feature';

export interface MaskLegendEntry {
  placeholder: string;
  name: string;
}

interface MaskTerm {
  kind: MaskKind;
  /** What one letter stands for: a catalog entry, a known name (with its `Apache` forms), a code name. */
  identity: string;
  /** The name the legend shows for the identity. */
  label: string;
  /** Which term wins two matches of the same length at the same place: lower first. */
  rank: number;
  pattern: RegExp;
  /** Lower-case text up to the first space: a term is only tried on a text that contains it. */
  probe: string;
  /** The text must write the first letter as a capital. */
  capitalised: boolean;
  /** One word (`tf`, `torch`, `Beam`): a dotted name with it as a part is masked whole. */
  oneWord: boolean;
}

interface Span {
  start: number;
  end: number;
  kind: MaskKind;
  identity: string;
  label: string;
  rank: number;
}

const RANK = { name: 0, derived: 1, known: 2, alias: 3, dotted: 4 } as const;
const PREFIX = { product: 'Product', feature: 'Feature' } as const;

const LATIN = /[A-Za-z0-9_]/;
const KATAKANA = 'ァ-ヺー';
const IS_KATAKANA = new RegExp(`[${KATAKANA}]`);
const LATIN_BEFORE = String.raw`(?<![A-Za-z0-9_])(?<![A-Za-z0-9_]\.)`;
const LATIN_AFTER = String.raw`(?![A-Za-z0-9_]|\.[A-Za-z_])`;
const DOTTED = /(?<![\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+(?:\(\))?/g;
/**
 * Identifiers written as code that no list names: `ML.VALIDATE_DATA_SKEW`, `BLOCK_MEDIUM_AND_ABOVE`,
 * `trajectory_exact_match`, `requiredReplicaCount`. Their names carry meaning a guesser can read, so they
 * are masked as features too (a known name at the same place wins, being longer or ranked first).
 */
const CODE_IDENTIFIER =
  /(?<![\w.])(?:(?:ML|AI)\.[A-Z][A-Z0-9_]*|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]+)+)(?!\w|\.[A-Za-z_])/g;

export class NameMasker {
  private readonly terms: MaskTerm[];
  /** Lower-case one-word names: a dotted name with one of them as a part is masked whole. */
  private readonly dottedParts: Set<string>;

  constructor(services: readonly ServiceRecord[]) {
    this.terms = buildTerms(services);
    this.dottedParts = new Set(this.terms.filter((t) => t.oneWord).map((t) => t.probe));
  }

  /** A mask for one question: letters follow the order in which its texts meet the names. */
  forQuestion(): QuestionMask {
    return new QuestionMask((text) => this.spans(text));
  }

  /** The names found in one text, longest first where they overlap, in text order. */
  private spans(text: string): Span[] {
    const lower = text.toLowerCase();
    const found: Span[] = [];
    for (const term of this.terms) {
      if (!lower.includes(term.probe)) continue;
      for (const match of text.matchAll(term.pattern)) {
        const start = match.index ?? 0;
        const first = match[0][0] ?? '';
        // A lower-case alias is an ordinary word, except as a path segment (`/gcs/bucket`), where it names the
        // product as surely as its capitalised form and would otherwise give the masked product away.
        if (
          term.capitalised &&
          first !== first.toUpperCase() &&
          !isPathSegment(text, start, start + match[0].length)
        )
          continue;
        // `X-ray`: a lower-case word after a hyphen is part of another word.
        if (/[a-z]/.test(first) && /[A-Za-z0-9]-$/.test(text.slice(Math.max(0, start - 2), start))) continue;
        const { kind, identity, label, rank } = term;
        found.push({ start, end: start + match[0].length, kind, identity, label, rank });
      }
    }
    // Code written out in the text: a dotted name with a masked part, or an identifier no list names.
    const codeMatches = [
      ...[...text.matchAll(DOTTED)].filter((m) =>
        m[0]
          .replace(/\(\)$/, '')
          .toLowerCase()
          .split('.')
          .some((p) => this.dottedParts.has(p)),
      ),
      ...text.matchAll(CODE_IDENTIFIER),
    ];
    for (const match of codeMatches) {
      const start = match.index ?? 0;
      found.push({
        start,
        end: start + match[0].length,
        kind: 'feature',
        identity: `code:${match[0].toLowerCase()}`,
        label: match[0],
        rank: RANK.dotted,
      });
    }
    found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank || a.start - b.start);
    const kept: Span[] = [];
    for (const span of found) {
      if (kept.some((k) => span.start < k.end && span.end > k.start)) continue;
      kept.push(span);
    }
    return kept.sort((a, b) => a.start - b.start);
  }
}

// A Japanese name (「優先従量課金制」) is written flush against the particles around it, while a Latin one
// ("Agent Platform の") usually has spaces: left as written, "をProduct Bに" would tell the reader that the
// masked name is a Japanese one. Every placeholder is set off by spaces from the Japanese letters beside it.
const JAPANESE_LETTER = String.raw`[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}ー]`;
const PLACEHOLDER = `(?:${Object.values(PREFIX).join('|')}) [A-Z]+`;
// "Product C (formerly Product C)" or "Product A (Product A)": a name glossed by its own other name.
const SELF_GLOSS = new RegExp(`(${PLACEHOLDER})\\s*[（(](?:formerly |旧\\s*)?\\1[）)]`, 'g');
const JAPANESE_BEFORE_PLACEHOLDER = new RegExp(`(${JAPANESE_LETTER})(${PLACEHOLDER})`, 'gu');
const JAPANESE_AFTER_PLACEHOLDER = new RegExp(`(${PLACEHOLDER})(${JAPANESE_LETTER})`, 'gu');

export class QuestionMask {
  private readonly letters = new Map<string, string>();
  private readonly counts: Record<MaskKind, number> = { product: 0, feature: 0 };
  private readonly entries: MaskLegendEntry[] = [];

  constructor(private readonly find: (text: string) => Span[]) {}

  mask(text: string): string {
    let out = '';
    let at = 0;
    for (const span of this.find(text)) {
      // "an AutoML model" would tell the reader the name starts with a vowel.
      out += text.slice(at, span.start).replace(/\b([Aa])n(\s+)$/, '$1$2') + this.placeholder(span);
      at = span.end;
    }
    // A name glossed by its own other name would single the option out; the gloss says nothing once masked.
    return (out + text.slice(at))
      .replace(SELF_GLOSS, '$1')
      .replace(JAPANESE_BEFORE_PLACEHOLDER, '$1 $2')
      .replace(JAPANESE_AFTER_PLACEHOLDER, '$1 $2');
  }

  /** Which placeholder stands for which name, in the order they were first met. */
  legend(): MaskLegendEntry[] {
    return [...this.entries];
  }

  private placeholder(span: Span): string {
    const known = this.letters.get(span.identity);
    if (known) return known;
    const placeholder = `${PREFIX[span.kind]} ${letter(this.counts[span.kind]++)}`;
    this.letters.set(span.identity, placeholder);
    this.entries.push({ placeholder, name: span.label });
    return placeholder;
  }
}

/** A, B, … Z, AA, AB, … */
function letter(index: number): string {
  const here = String.fromCharCode(65 + (index % 26));
  return index < 26 ? here : letter(Math.floor(index / 26) - 1) + here;
}

interface RawTerm {
  text: string;
  /** A catalog `name` or former name: masked whatever `NOT_NAMES` says. */
  listed?: boolean;
  kind: MaskKind;
  identity: string;
  label: string;
  rank: number;
  capitalised: boolean;
}

function buildTerms(services: readonly ServiceRecord[]): MaskTerm[] {
  const raw: RawTerm[] = [];
  const knownKey = (name: string): string =>
    name
      .toLowerCase()
      .replace(/^(?:apache|nvidia) /, '')
      .replace(/\s+/g, ' ');
  const knownLabels = new Map<string, string>();
  // Each known name with the name its letter is keyed on: itself, or for a Japanese form its English name.
  const knownNames: [string, string][] = [
    ...[...OPEN_SOURCE_NAMES, ...OTHER_GOOGLE_NAMES].map((name): [string, string] => [name, name]),
    ...Object.entries(OTHER_GOOGLE_NAMES_JA),
  ];
  for (const [name, keyedOn] of knownNames) {
    const key = knownKey(keyedOn);
    if (!knownLabels.has(key)) knownLabels.set(key, name);
    raw.push({
      text: name,
      kind: 'product',
      identity: `known:${key}`,
      label: knownLabels.get(key) ?? name,
      rank: RANK.known,
      capitalised: startsCapital(name),
    });
  }
  for (const name of CODE_NAMES) {
    raw.push({
      text: name,
      kind: 'feature',
      identity: `code:${name.toLowerCase()}`,
      label: name,
      rank: RANK.known,
      capitalised: false,
    });
  }
  for (const s of services) {
    const entry = { kind: 'product' as const, identity: `service:${s.id}`, label: s.name };
    for (const name of [s.name, ...s.formerNames, s.ja.name]) {
      const listed = name !== s.ja.name || s.ja.name === s.name;
      raw.push({ ...entry, text: name, listed, rank: RANK.name, capitalised: startsCapital(name) });
      for (const part of parenthesised(name)) {
        raw.push({ ...entry, text: part, rank: RANK.derived, capitalised: startsCapital(part) });
      }
    }
    if (s.ja.reading) raw.push({ ...entry, text: s.ja.reading, rank: RANK.derived, capitalised: false });
    for (const alias of s.aliases) {
      // An alias that is a known name (`spark`, `apache beam`, `kubernetes`) names the open-source tool.
      const known = knownLabels.get(knownKey(alias));
      raw.push({
        ...entry,
        // An alias that is not a short form of the name often names a part of the product (SafeSearch of
        // Vision, XRAI of Explainable AI): its own letter, or "Cloud Vision SafeSearch" would print as
        // "Product E Product E" and mark the option out. `TPU` or `GKE` stay the product's letter.
        ...(known
          ? { identity: `known:${knownKey(alias)}`, label: known }
          : shortFormOf(alias, [s.name, ...s.formerNames])
            ? {}
            : { identity: `alias:${alias.toLowerCase()}`, label: alias }),
        text: alias,
        rank: RANK.alias,
        // Search spellings are lower case; where the text writes one as a name, it is capitalised.
        capitalised: /^[A-Za-z ]+$/.test(alias),
      });
    }
  }
  const byText = new Map<string, RawTerm>();
  for (const term of raw) {
    const key = term.text.toLowerCase().replace(/\s+/g, ' ').trim();
    if (key === '' || (!term.listed && NOT_NAMES.has(key))) continue;
    const held = byText.get(key);
    if (!held || term.rank < held.rank) byText.set(key, { ...term, text: term.text.trim() });
  }
  return [...byText.values()].map((t) => ({
    kind: t.kind,
    identity: t.identity,
    label: t.label,
    rank: t.rank,
    capitalised: t.capitalised,
    pattern: patternFor(t.text),
    probe: t.text.toLowerCase().split(/\s+/)[0] ?? '',
    oneWord: /^[\w-]+$/.test(t.text),
  }));
}

/** `Google Kubernetes Engine（GKE）` also names `Google Kubernetes Engine` and `GKE`; `(legacy)` is no name. */
function parenthesised(name: string): string[] {
  const m = /^(.+?)\s*[（(]([^）)]+)[）)]$/.exec(name);
  if (!m?.[1] || !m[2]) return [];
  return startsCapital(m[2]) ? [m[1], m[2]] : [m[1]];
}

/**
 * `TPU` of Cloud TPU, `GKE` of Google Kubernetes Engine: inside a name, or its initials. Google's "PayGo" is
 * its own short form of "pay-as-you-go", so "Standard pay-as-you-go" names Standard PayGo itself, as the
 * Japanese 標準従量課金制 does: one letter for all three.
 */
function shortFormOf(alias: string, names: readonly string[]): boolean {
  const squash = (t: string): string =>
    t
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .replace(/payasyougo/g, 'paygo');
  const a = squash(alias);
  if (a === '') return true;
  return names.some((name) => {
    const initials = name
      .split(/[\s-]+/)
      .map((w) => w[0] ?? '')
      .join('');
    return squash(name).includes(a) || squash(initials) === a;
  });
}

function startsCapital(text: string): boolean {
  return /^[A-Z]/.test(text);
}

function patternFor(text: string): RegExp {
  const chars = [...text];
  let body = '';
  chars.forEach((ch, i) => {
    if (/\s/.test(ch)) {
      if (/\s/.test(chars[i - 1] ?? '')) return;
      // Between Latin words a space is needed; next to Japanese, writers leave it out as often as not.
      const latin = LATIN.test(chars[i - 1] ?? '') && LATIN.test(chars[i + 1] ?? '');
      body += latin ? String.raw`\s+` : String.raw`\s*`;
    } else {
      body += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  });
  const first = chars[0] ?? '';
  const last = chars.at(-1) ?? '';
  const before = LATIN.test(first) ? LATIN_BEFORE : IS_KATAKANA.test(first) ? `(?<![${KATAKANA}])` : '';
  // A plural (`TPUs`, `Spot VMs`, `GSUs`) names the same product.
  const plural = /[A-Za-z0-9]/.test(last) && !/s$/i.test(last) ? 's?' : '';
  const after = LATIN.test(last) ? LATIN_AFTER : IS_KATAKANA.test(last) ? `(?![${KATAKANA}])` : '';
  return new RegExp(`${before}${body}${plural}${after}`, 'gi');
}

/** `text[start, end)` is a whole segment of a slash path such as `/gcs/bucket/`. */
function isPathSegment(text: string, start: number, end: number): boolean {
  return text[start - 1] === '/' && text[end] === '/';
}
