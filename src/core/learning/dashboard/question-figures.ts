import type { Question } from '../../model/model.js';
import type { QuestionReport } from '../../ports/learning-store.js';
import { weakDistractors } from '../distractor-efficiency.js';
import { type ItemFlag, type ItemStatsRow, itemFlags } from '../item-statistics.js';
import { questionVersion } from '../question-version.js';

/** A question's flags on the dashboard: the item-analysis flags, and distractors that do no work. */
export type QuestionFlag = ItemFlag | 'weak-distractors';

export interface QuestionFigureRow {
  id: string;
  version: string;
  /** The bank's question (absent when the id left the bank). */
  domain: string | null;
  /** Whether this is the version the bank asks now (older versions keep their own figures). */
  current: boolean;
  answered: number;
  p: number | null;
  discrimination: number | null;
  /** Picks per choice key among first answers. */
  options: Record<string, number>;
  /** Wrong keys picked by fewer than 5 % of at least 30 first answers (current versions only). */
  weakDistractors: string[];
  flags: QuestionFlag[];
  /** Open reports on the question id (any version). */
  reports: number;
  suspended: boolean;
}

/**
 * The bank's questions never change while it is loaded, and hashing one (FNV over both languages' text) costs
 * far more than the rest of a row: each question's version is computed once.
 */
const versions = new WeakMap<Question, string>();

function versionOf(question: Question): string {
  let version = versions.get(question);
  if (version === undefined) {
    version = questionVersion(question);
    versions.set(question, version);
  }
  return version;
}

/**
 * Every question version of the scope (`stats`: `scopeItemStatistics` of its item data, the costly part, which
 * the dashboard keeps a short while): each answered version, and each bank question's current version even
 * before anyone answered it, with its flags, open reports and suspension here.
 */
export function questionFigures(
  stats: readonly ItemStatsRow[],
  bank: readonly Question[],
  reports: readonly QuestionReport[],
  suspended: ReadonlySet<string>,
): QuestionFigureRow[] {
  const byId = new Map(bank.map((q) => [q.id, { question: q, version: versionOf(q) }]));
  const reportCount = new Map<string, number>();
  for (const r of reports) reportCount.set(r.questionId, (reportCount.get(r.questionId) ?? 0) + 1);

  const rows: QuestionFigureRow[] = [];
  const seen = new Set<string>();
  const add = (row: Omit<ItemStatsRow, 'reports'>) => {
    const bankEntry = byId.get(row.id);
    const current = bankEntry?.version === row.version;
    const weak =
      current && bankEntry
        ? weakDistractors(row, {
            choiceKeys: bankEntry.question.choices.map((c) => c.key),
            rightKeys: bankEntry.question.answer,
          })
        : [];
    const reportsHere = reportCount.get(row.id) ?? 0;
    const flags: QuestionFlag[] = itemFlags({ ...row, reports: reportsHere });
    if (weak.length > 0) flags.push('weak-distractors');
    seen.add(`${row.id}@${row.version}`);
    rows.push({
      id: row.id,
      version: row.version,
      domain: bankEntry?.question.domain ?? null,
      current,
      answered: row.answered,
      p: row.p,
      discrimination: row.discrimination,
      options: row.options,
      weakDistractors: weak,
      flags,
      reports: reportsHere,
      suspended: suspended.has(row.id),
    });
  };
  for (const row of stats) add(row);
  for (const { question, version } of byId.values()) {
    if (seen.has(`${question.id}@${version}`)) continue;
    add({ id: question.id, version, answered: 0, p: null, discrimination: null, options: {} });
  }
  return rows.sort((a, b) => a.id.localeCompare(b.id) || Number(b.current) - Number(a.current));
}

export const QUESTION_SORTS = ['id', 'answered', 'p', 'discrimination', 'reports'] as const;
export type QuestionSort = (typeof QUESTION_SORTS)[number];
export const QUESTION_FILTERS = [
  'all',
  'flagged',
  'reported',
  'suspended',
  'too-hard',
  'too-easy',
  'weak-discrimination',
  'check-key',
  'weak-distractors',
] as const;
export type QuestionFilter = (typeof QUESTION_FILTERS)[number];

export interface QuestionQuery {
  sort: QuestionSort;
  /** Descending order. */
  desc: boolean;
  filter: QuestionFilter;
  /** A section id, or null for every section. */
  section: string | null;
}

export const DEFAULT_QUESTION_QUERY: QuestionQuery = {
  sort: 'id',
  desc: false,
  filter: 'all',
  section: null,
};

/**
 * The list's options from URL parameters `sort`, `order` (`asc`, `desc`), `filter` and `section`. An unknown
 * value falls back to the default: a stale or hand-edited link still shows the list.
 */
export function parseQuestionQuery(
  params: { get(name: string): string | null },
  sectionIds: readonly string[],
): QuestionQuery {
  const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
    allowed.find((a) => a === value) ?? fallback;
  const sort = pick(params.get('sort'), QUESTION_SORTS, DEFAULT_QUESTION_QUERY.sort);
  const section = params.get('section');
  return {
    sort,
    desc: pick(params.get('order'), ['asc', 'desc'], 'asc') === 'desc',
    filter: pick(params.get('filter'), QUESTION_FILTERS, DEFAULT_QUESTION_QUERY.filter),
    section: section !== null && sectionIds.includes(section) ? section : null,
  };
}

/** The rows the query asks for, in its order (ties by id, then current version first). */
export function selectQuestionRows(
  rows: readonly QuestionFigureRow[],
  query: QuestionQuery,
): QuestionFigureRow[] {
  const kept = rows.filter(
    (r) => matches(r, query.filter) && (query.section === null || r.domain === query.section),
  );
  const value = (r: QuestionFigureRow): number | null =>
    query.sort === 'id'
      ? 0
      : query.sort === 'reports'
        ? r.reports
        : query.sort === 'answered'
          ? r.answered
          : r[query.sort];
  const byId = (a: QuestionFigureRow, b: QuestionFigureRow) =>
    a.id.localeCompare(b.id) || Number(b.current) - Number(a.current);
  return kept.sort((a, b) => {
    const [va, vb] = [value(a), value(b)];
    // Rows without a figure go last in either order: there is nothing to rank them by.
    if (va === null || vb === null) return va === vb ? byId(a, b) : va === null ? 1 : -1;
    const order = query.sort === 'id' ? byId(a, b) : va - vb || byId(a, b);
    return query.desc ? -order : order;
  });
}

function matches(row: QuestionFigureRow, filter: QuestionFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'flagged':
      return row.flags.length > 0;
    case 'reported':
      return row.reports > 0;
    case 'suspended':
      return row.suspended;
    default:
      return row.flags.includes(filter);
  }
}
