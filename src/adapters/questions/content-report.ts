import type { Locale } from '../../core/model/model.js';
import { EXTRA_TAGS, GENERATIVE_AI_TAG } from '../../core/model/question-tags.js';
import { lengthCues, MUCH_LONGER_RATIO } from './bank-rules/choice-lengths.js';
import { isMultipleSelect, median } from './bank-rules/item-shape.js';
import { pickCountMismatches } from './bank-rules/pick-count-wording.js';
import { unresolvedNames } from './bank-rules/product-names.js';
import { coverageProblems, seedFactCoverage } from './bank-rules/seed-coverage.js';
import { stemCues } from './bank-rules/stem-cues.js';
import { type GuesserFigures, guesserFigures, guesserProblems } from './guesser-checks.js';
import type { Content } from './load-content.js';
import { answerKeysOf } from './schema.js';

/**
 * The bank's quality rules and its report: rules about the bank as a whole (balance, coverage, cues), unlike
 * the per-question schema, so they live here and in `npm run questions:check`, never at start-up (a small
 * `QUIZ_QUESTIONS_DIR` must still start). The reasons for each threshold are in docs/content-guide.md.
 */
export const MIN_QUESTIONS = 230;
/** Each section's share of the bank may differ from its exam-guide weight by this many points. */
export const DOMAIN_SHARE_TOLERANCE = 3;
export const MIN_MULTIPLE_SELECT_SHARE = 0.15;
export const MIN_GENERATIVE_AI_SHARE = 0.2;
/** Median English scenario stem, in characters: the exam's scenarios run 60–120 words. */
export const MIN_MEDIAN_SCENARIO_STEM = 300;
export const MAX_LONGEST_IS_RIGHT = 0.3;
export const MAX_MUCH_LONGER = 0.05;
export const MAX_STEM_CUE_SHARE = 0.1;
export const MAX_SHARE_PER_ANSWER_KEY = 0.35;
export const MIN_SCENARIO_SHARE = 0.4;

const CATCH_ALL =
  /\b(all|none|both|neither) of the (above|these|others)\b|上記の(すべて|全て|いずれ)|いずれ(でもない|も正しくない)|どれでもない|すべて正しい/i;

export interface LanguageFigures {
  /** Single-answer questions whose right choice is strictly the longest (ja: display width). */
  longestIsRight: number;
  longestIsRightShare: number;
  /** Reported, not ruled: a share far above 25 % would mean writers overcorrected. */
  shortestIsRightShare: number;
  /** Single-answer questions whose right choice is at least 1.5 × the mean wrong choice. */
  muchLonger: number;
  muchLongerShare: number;
  /** Questions whose stem shares a content word with a right choice and no wrong one. */
  stemCues: number;
  stemCueShare: number;
  stemCueIds: { id: string; words: string[] }[];
}

export interface ContentReport {
  questions: number;
  perDomain: { id: string; section: number; weight: number; count: number; share: number }[];
  perDifficulty: Record<string, number>;
  perStyle: Record<string, number>;
  answerKeys: Record<string, number>;
  singleAnswer: number;
  multipleSelect: number;
  multipleSelectShare: number;
  generativeAi: number;
  generativeAiShare: number;
  /** Questions per extra tag (left out of daily rounds unless a channel turns extras on). */
  extras: Record<string, number>;
  medianScenarioStem: { en: number; ja: number };
  languages: Record<Locale, LanguageFigures>;
  unresolvedNames: { id: string; name: string }[];
  /**
   * The checks a guesser's tricks cannot pass (guesser-checks.ts): figures for the whole bank, and for the
   * rewritten sections' questions taken together, where they fail.
   */
  guesserChecks: { rewrittenSections: string[]; bank: GuesserFigures; rewritten: GuesserFigures };
  services: number;
  seedFacts: {
    covered: string[];
    /** Accurate or partial facts no question is based on. */
    uncovered: string[];
    /** Unverified facts that a question cites (must be none). */
    unverifiedCited: string[];
  };
  problems: string[];
}

export interface ReportOptions {
  /** Domain ids of the sections rewritten with the review method (`rewrittenSections`). */
  rewrittenSections?: readonly string[];
}

export function buildContentReport(content: Content, options: ReportOptions = {}): ContentReport {
  const { questions } = content;
  const total = questions.length;
  const problems: string[] = [];
  const share = (n: number, of = total): number => (of ? n / of : 0);

  if (total < MIN_QUESTIONS)
    problems.push(`the bank has ${total} questions; it needs at least ${MIN_QUESTIONS}`);

  const perDomain = content.domains.map((d) => {
    const count = questions.filter((q) => q.domain === d.id).length;
    const points = 100 * share(count);
    if (Math.abs(points - d.weight) > DOMAIN_SHARE_TOLERANCE) {
      problems.push(
        `section ${d.section} (${d.id}) is ${pct(share(count))} of the bank; the guide weighs it ${d.weight}% (±${DOMAIN_SHARE_TOLERANCE} points)`,
      );
    }
    return { id: d.id, section: d.section, weight: d.weight, count, share: share(count) };
  });

  const answerKeys = count(questions.flatMap((q) => answerKeysOf(q)));
  const keyTotal = Object.values(answerKeys).reduce((a, b) => a + b, 0);
  for (const [key, n] of Object.entries(answerKeys)) {
    if (share(n, keyTotal) > MAX_SHARE_PER_ANSWER_KEY) {
      problems.push(
        `${key} is a right answer key ${pct(share(n, keyTotal))} of the time (at most ${pct(MAX_SHARE_PER_ANSWER_KEY)})`,
      );
    }
  }

  const multipleSelect = questions.filter(isMultipleSelect).length;
  if (share(multipleSelect) < MIN_MULTIPLE_SELECT_SHARE) {
    problems.push(
      `${pct(share(multipleSelect))} of questions are multiple select (at least ${pct(MIN_MULTIPLE_SELECT_SHARE)})`,
    );
  }

  for (const id of pickCountMismatches(questions)) {
    problems.push(
      `id "${id}": the stem must say how many to pick in both languages ("Choose two." / 「2 つ選択してください。」), and only when the answer lists that many keys`,
    );
  }

  const generative = questions.filter((q) => q.tags.includes(GENERATIVE_AI_TAG));
  if (share(generative.length) < MIN_GENERATIVE_AI_SHARE) {
    problems.push(
      `${pct(share(generative.length))} of questions are tagged ${GENERATIVE_AI_TAG} (at least ${pct(MIN_GENERATIVE_AI_SHARE)})`,
    );
  }
  for (const q of generative) {
    if (!q.sources.some((s) => s.startsWith('https://'))) {
      problems.push(`${q.file}: id "${q.id}": a ${GENERATIVE_AI_TAG} question needs a docs URL in sources`);
    }
  }

  const perStyle = count(questions.map((q) => q.style));
  if (share(perStyle.scenario ?? 0) < MIN_SCENARIO_SHARE) {
    problems.push(
      `${pct(share(perStyle.scenario ?? 0))} of questions are scenarios (at least ${pct(MIN_SCENARIO_SHARE)})`,
    );
  }
  const scenarios = questions.filter((q) => q.style === 'scenario');
  const medianScenarioStem = {
    en: median(scenarios.map((q) => [...q.stem.en].length)),
    ja: median(scenarios.map((q) => [...q.stem.ja].length)),
  };
  if (scenarios.length > 0 && medianScenarioStem.en < MIN_MEDIAN_SCENARIO_STEM) {
    problems.push(
      `the median English scenario stem is ${medianScenarioStem.en} characters (at least ${MIN_MEDIAN_SCENARIO_STEM})`,
    );
  }

  const languages = {} as Record<Locale, LanguageFigures>;
  for (const locale of ['ja', 'en'] as const) {
    const lengths = lengthCues(questions, locale);
    const cues = stemCues(questions, locale);
    const figures: LanguageFigures = {
      longestIsRight: lengths.longestIsRight.length,
      longestIsRightShare: share(lengths.longestIsRight.length, lengths.measured),
      shortestIsRightShare: share(lengths.shortestIsRight.length, lengths.measured),
      muchLonger: lengths.muchLonger.length,
      muchLongerShare: share(lengths.muchLonger.length, lengths.measured),
      stemCues: cues.length,
      stemCueShare: share(cues.length),
      stemCueIds: cues,
    };
    languages[locale] = figures;
    if (figures.longestIsRightShare > MAX_LONGEST_IS_RIGHT) {
      problems.push(
        `${locale}: the right choice is strictly the longest in ${pct(figures.longestIsRightShare)} of single-answer questions (at most ${pct(MAX_LONGEST_IS_RIGHT)})`,
      );
    }
    if (figures.muchLongerShare > MAX_MUCH_LONGER) {
      problems.push(
        `${locale}: the right choice is ${MUCH_LONGER_RATIO}× the mean wrong choice or longer in ${pct(figures.muchLongerShare)} of single-answer questions (at most ${pct(MAX_MUCH_LONGER)}): ${lengths.muchLonger.join(', ')}`,
      );
    }
    if (figures.stemCueShare > MAX_STEM_CUE_SHARE) {
      problems.push(
        `${locale}: ${pct(figures.stemCueShare)} of stems share a word with a right choice only (at most ${pct(MAX_STEM_CUE_SHARE)})`,
      );
    }
  }

  const unresolved = unresolvedNames(questions, content.services);
  for (const { id, name } of unresolved) {
    problems.push(
      `id "${id}": "${name}" is neither in the catalog (services.yaml) nor a known open-source name`,
    );
  }

  const rewrittenSections = [...(options.rewrittenSections ?? [])];
  const guesserChecks = {
    rewrittenSections,
    bank: guesserFigures(questions, content.services),
    rewritten: guesserFigures(
      questions.filter((q) => rewrittenSections.includes(q.domain)),
      content.services,
    ),
  };
  if (rewrittenSections.length > 0) {
    problems.push(
      ...guesserProblems(guesserChecks.rewritten, `rewritten sections (${rewrittenSections.join(', ')})`),
    );
  }

  const ids = new Set(questions.map((q) => q.id));
  const stems = new Map<string, string>();
  for (const q of questions) {
    for (const text of [q.stem.en, q.stem.ja, ...q.choices.flatMap((c) => [c.text.en, c.text.ja])]) {
      if (CATCH_ALL.test(text))
        problems.push(`${q.file}: id "${q.id}": uses an "all/none of the above" style choice`);
    }
    const stem = q.stem.en.toLowerCase().replace(/\s+/g, ' ').trim();
    const other = stems.get(stem);
    if (other) problems.push(`${q.file}: id "${q.id}": same stem as "${other}"`);
    else stems.set(stem, q.id);
    if (q.replaces && ids.has(q.replaces)) {
      problems.push(`${q.file}: id "${q.id}": replaces "${q.replaces}", which is still in the bank`);
    }
  }

  const seedFacts = seedFactCoverage(content);
  problems.push(...coverageProblems(content, seedFacts));

  return {
    questions: total,
    perDomain,
    perDifficulty: count(questions.map((q) => q.difficulty)),
    perStyle,
    answerKeys,
    singleAnswer: total - multipleSelect,
    multipleSelect,
    multipleSelectShare: share(multipleSelect),
    generativeAi: generative.length,
    generativeAiShare: share(generative.length),
    extras: Object.fromEntries(
      EXTRA_TAGS.map((tag) => [tag, questions.filter((q) => q.tags.includes(tag)).length]),
    ),
    medianScenarioStem,
    languages,
    unresolvedNames: unresolved,
    guesserChecks,
    services: content.services.length,
    seedFacts,
    problems,
  };
}

function count(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

export function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}
