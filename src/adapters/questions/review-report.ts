import type { Content, LoadedQuestion } from './load-content.js';
import { reviewHash } from './review-hash.js';
import type { LoadedReviews, ReviewRecord } from './review-records.js';
import { answerKeysOf } from './schema.js';

/**
 * Review enforcement and figures for `npm run questions:check`. A section is under review enforcement once
 * its `questions/reviews/<domain>.yaml` exists; every question of it then needs a record of its current hash
 * that passes the rule of `questions/reviews/README.md`. Sections without a file are counted, not failed:
 * the bank is rewritten section by section.
 */
export const MAX_RULED_OUT = 1;
export const MIN_EXAM_LIKENESS = 4;
/**
 * A second review disagrees with the first when its key verdict differs, or its blind ruled-out count or
 * its exam-likeness differs by this much or more (docs/content-guide.md, "Review").
 */
export const DISAGREEMENT_GAP = 2;

export interface ReviewFigures {
  questions: number;
  /** Questions with a record of their current hash: the figures below are over these. */
  reviewed: number;
  /** Questions whose record is of an older hash. */
  stale: number;
  passing: number;
  outcomes: { rewritten: number; confirmed: number; new: number };
  /** Wrong options ruled out from the wording alone, per question (a key the reader ruled out is not counted). */
  meanRuledOut: number;
  twoOrMoreRuledOutShare: number;
  /** Share of blind picks that are exactly the key (the set, for multiple select)… */
  blindPickAccuracy: number;
  /** …beside what picking at random would score: 1/options, or 1/C(options, keys) for an exact set. */
  blindPickChance: number;
  /**
   * What a guesser who drops the options ruled out from the wording and picks at random among the rest would
   * score (0 where the key itself was ruled out). Blind readers are language models that recognize masked
   * products, so their own pick measures product knowledge; this figure keeps only what the wording gives away
   * (docs/content-audits/2026-12-07/blind-calibration-google-samples.md).
   */
  wordingGuessAccuracy: number;
  meanExamLikeness: number;
  secondReviews: number;
  disagreements: number;
  disagreementRate: number;
}

export interface SectionReviewFigures extends ReviewFigures {
  id: string;
  section: number;
  file: string;
}

export interface ReviewReport {
  /** Sections under enforcement (`reviews/<domain>.yaml`). */
  sections: SectionReviewFigures[];
  /** Over every enforced section. */
  total: ReviewFigures;
  /** Sections whose review is going on (`reviews/in-review/<domain>.yaml`): figures, not failures. */
  inReview: SectionReviewFigures[];
  /** What an in-review section still has to fix before it can be enforced. */
  open: string[];
  notYetReviewed: { id: string; section: number; questions: number }[];
  problems: string[];
}

export function buildReviewReport(content: Content, reviews: LoadedReviews): ReviewReport {
  const problems = [...reviews.problems];
  const reviewed = new Map(reviews.files.map((f) => [f.domain, f]));
  const allRecords = new Map(reviews.files.flatMap((f) => f.records.map((r) => [r.id, r] as const)));
  const sections: SectionReviewFigures[] = [];
  const inReview: SectionReviewFigures[] = [];
  const open: string[] = [...reviews.open];
  const notYetReviewed: ReviewReport['notYetReviewed'] = [];
  const enforced: LoadedQuestion[] = [];

  for (const domain of content.domains) {
    const questions = content.questions.filter((q) => q.domain === domain.id);
    const file = reviewed.get(domain.id);
    if (!file) {
      notYetReviewed.push({ id: domain.id, section: domain.section, questions: questions.length });
      continue;
    }
    if (file.enforced) enforced.push(...questions);
    (file.enforced ? sections : inReview).push({
      id: domain.id,
      section: domain.section,
      file: file.file,
      ...figures(questions, allRecords),
    });
    if (file.unreadable) continue;
    // An in-review section's gaps are its to-do list; an enforced section's fail the check.
    const problemsOf = file.enforced ? problems : open;
    for (const q of questions) {
      const at = `${q.file}: id "${q.id}"`;
      const record = allRecords.get(q.id);
      if (!record) {
        if (!reviews.malformed.has(q.id)) {
          problemsOf.push(`${at}: no review record (section ${domain.id} is under review: ${file.file})`);
        }
        continue;
      }
      const hash = reviewHash(q);
      if (record.hash !== hash) {
        problemsOf.push(
          `${at}: review is older than the question: re-review (record hash ${record.hash}, current ${hash})`,
        );
        continue;
      }
      for (const rule of failedRules(record, answerKeysOf(q)))
        problemsOf.push(`${at}: review does not pass: ${rule}`);
    }
  }
  return { sections, total: figures(enforced, allRecords), inReview, open, notYetReviewed, problems };
}

/**
 * The pass rule of questions/reviews/README.md, one message per rule the record breaks. `keys` are the
 * question's right options: the blind rule counts the wrong options a reader rules out, since a blind reader
 * who rules out the key has been misled, not helped, by the wording.
 */
export function failedRules(record: ReviewRecord, keys: readonly string[]): string[] {
  const failed: string[] = [];
  if (record.writer === record.reviewer) {
    failed.push(
      `writer and reviewer are the same ("${record.writer}"); a question is never reviewed by its writer`,
    );
  }
  const ruledOut = wrongRuledOut(record, keys);
  if (ruledOut.length > MAX_RULED_OUT) {
    failed.push(
      `${ruledOut.length} wrong options ruled out in the blind pass (${ruledOut.join(', ')}; at most ${MAX_RULED_OUT})`,
    );
  }
  if (record.expert.key !== 'agree') failed.push('the expert pass does not agree with the key');
  if (!record.expert.why_facts)
    failed.push("a wrong option's why names no true product fact (why_facts: false)");
  if (!record.expert.parity) failed.push('English and Japanese do not say the same (parity: false)');
  if (record.expert.cues.length > 0)
    failed.push(`cues found: ${record.expert.cues.map((c) => `"${c}"`).join(', ')}`);
  if (record.expert.exam_likeness < MIN_EXAM_LIKENESS) {
    failed.push(`exam-likeness ${record.expert.exam_likeness} (at least ${MIN_EXAM_LIKENESS})`);
  }
  if (record.second && [record.writer, record.reviewer].includes(record.second.reviewer)) {
    failed.push(
      `the second review is by "${record.second.reviewer}", who wrote or first reviewed the question`,
    );
  }
  return failed;
}

/** The wrong options a blind pass ruled out: its ruled-out keys that are not right options. */
function wrongRuledOut(record: ReviewRecord, keys: readonly string[]): string[] {
  return record.blind.ruled_out.map((r) => r.key).filter((k) => !keys.includes(k));
}

/** Whether a second review disagrees with the first (the definition is in docs/content-guide.md). */
export function secondDisagrees(record: ReviewRecord): boolean {
  const second = record.second;
  if (!second) return false;
  return (
    second.expert.key !== record.expert.key ||
    Math.abs(second.blind.ruled_out.length - record.blind.ruled_out.length) >= DISAGREEMENT_GAP ||
    Math.abs(second.expert.exam_likeness - record.expert.exam_likeness) >= DISAGREEMENT_GAP
  );
}

function figures(
  questions: readonly LoadedQuestion[],
  records: ReadonlyMap<string, ReviewRecord>,
): ReviewFigures {
  const current: { q: LoadedQuestion; r: ReviewRecord }[] = [];
  let stale = 0;
  for (const q of questions) {
    const r = records.get(q.id);
    if (!r) continue;
    if (r.hash === reviewHash(q)) current.push({ q, r });
    else stale++;
  }
  const n = current.length;
  const mean = (values: number[]): number =>
    values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
  const share = (count: number, of = n): number => (of ? count / of : 0);
  const seconds = current.filter(({ r }) => r.second);
  const disagreements = seconds.filter(({ r }) => secondDisagrees(r)).length;
  return {
    questions: questions.length,
    reviewed: n,
    stale,
    passing: current.filter(({ q, r }) => failedRules(r, answerKeysOf(q)).length === 0).length,
    outcomes: {
      rewritten: current.filter(({ r }) => r.outcome === 'rewritten').length,
      confirmed: current.filter(({ r }) => r.outcome === 'confirmed').length,
      new: current.filter(({ r }) => r.outcome === 'new').length,
    },
    meanRuledOut: mean(current.map(({ q, r }) => wrongRuledOut(r, answerKeysOf(q)).length)),
    twoOrMoreRuledOutShare: share(
      current.filter(({ q, r }) => wrongRuledOut(r, answerKeysOf(q)).length >= 2).length,
    ),
    blindPickAccuracy: share(current.filter(({ q, r }) => pickIsKey(r.blind.pick, q)).length),
    blindPickChance: mean(current.map(({ q }) => 1 / combinations(q.choices.length, answerKeysOf(q).length))),
    wordingGuessAccuracy: mean(current.map(({ q, r }) => wordingGuess(r, answerKeysOf(q), q.choices.length))),
    meanExamLikeness: mean(current.map(({ r }) => r.expert.exam_likeness)),
    secondReviews: seconds.length,
    disagreements,
    disagreementRate: share(disagreements, seconds.length),
  };
}

/** A guesser's chance on one question after dropping the options its blind pass ruled out. */
function wordingGuess(record: ReviewRecord, keys: readonly string[], options: number): number {
  const ruledOut = new Set<string>(record.blind.ruled_out.map((r) => r.key));
  if (keys.some((k) => ruledOut.has(k))) return 0;
  return 1 / combinations(options - ruledOut.size, keys.length);
}

function pickIsKey(pick: string | readonly string[], q: LoadedQuestion): boolean {
  const picked = new Set(typeof pick === 'string' ? [pick] : pick);
  const keys = answerKeysOf(q);
  return picked.size === keys.length && keys.every((k) => picked.has(k));
}

/** C(n, k): the number of k-key sets among n options. */
export function combinations(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}
