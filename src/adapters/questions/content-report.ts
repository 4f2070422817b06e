import type { Content } from './load-content.js';
import { answerKeysOf } from './schema.js';

/**
 * The bank's quality rules and its report. These are rules about the bank as a whole (balance,
 * coverage), unlike the per-question schema, so they live apart from the loader.
 */

export const MIN_QUESTIONS = 150;
export const MIN_PER_DOMAIN = 10;
export const MAX_SHARE_PER_ANSWER_KEY = 0.35;
export const MAX_SHARE_LONGEST_IS_RIGHT = 0.4;
export const MIN_SCENARIO_SHARE = 0.4;

const CATCH_ALL =
  /\b(all|none|both|neither) of the (above|these|others)\b|上記の(すべて|全て|いずれ)|いずれ(でもない|も正しくない)|どれでもない|すべて正しい/i;

export interface ContentReport {
  questions: number;
  perDomain: { id: string; section: number; weight: number; count: number; share: number }[];
  perDifficulty: Record<string, number>;
  perStyle: Record<string, number>;
  answerKeys: Record<string, number>;
  longestIsRight: number;
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

export function buildContentReport(content: Content): ContentReport {
  const { questions } = content;
  const total = questions.length;
  const problems: string[] = [];
  const count = (values: string[]): Record<string, number> => {
    const counts: Record<string, number> = {};
    for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
    return counts;
  };

  if (total < MIN_QUESTIONS)
    problems.push(`the bank has ${total} questions; it needs at least ${MIN_QUESTIONS}`);

  const perDomain = content.domains.map((d) => {
    const n = questions.filter((q) => q.domain === d.id).length;
    if (n < MIN_PER_DOMAIN)
      problems.push(`domain ${d.id} has ${n} questions; each needs at least ${MIN_PER_DOMAIN}`);
    return { id: d.id, section: d.section, weight: d.weight, count: n, share: total ? n / total : 0 };
  });

  const answerKeys = count(questions.flatMap((q) => answerKeysOf(q)));
  for (const [key, n] of Object.entries(answerKeys)) {
    if (total && n / total > MAX_SHARE_PER_ANSWER_KEY) {
      problems.push(
        `${key} is the right answer in ${pct(n / total)} of questions (at most ${pct(MAX_SHARE_PER_ANSWER_KEY)})`,
      );
    }
  }

  const longestIsRight = questions.filter((q) => {
    const lengths = q.choices.map((c) => [...c.text.en].length);
    const max = Math.max(...lengths);
    const longest = q.choices.filter((_, i) => lengths[i] === max);
    return longest.length === 1 && answerKeysOf(q).includes(longest[0]?.key ?? '');
  }).length;
  if (total && longestIsRight / total > MAX_SHARE_LONGEST_IS_RIGHT) {
    problems.push(
      `the right choice is the longest in ${pct(longestIsRight / total)} of questions (at most ${pct(MAX_SHARE_LONGEST_IS_RIGHT)})`,
    );
  }

  const perStyle = count(questions.map((q) => q.style));
  if (total && (perStyle.scenario ?? 0) / total < MIN_SCENARIO_SHARE) {
    problems.push(
      `${pct((perStyle.scenario ?? 0) / total)} of questions are scenarios (at least ${pct(MIN_SCENARIO_SHARE)})`,
    );
  }

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
  }

  const cited = new Set(questions.flatMap((q) => q.sources.filter((s) => /^F\d+$/.test(s))));
  const byStatus = (statuses: string[]): string[] =>
    content.seedFacts.filter((f) => statuses.includes(f.status)).map((f) => f.id);
  const uncovered = byStatus(['accurate', 'partial']).filter((id) => !cited.has(id));
  const unverifiedCited = byStatus(['unverified']).filter((id) => cited.has(id));
  if (content.seedFacts.length > 0 && uncovered.length > 0) {
    problems.push(`accurate or partial seed facts with no question: ${uncovered.join(', ')}`);
  }
  if (unverifiedCited.length > 0)
    problems.push(`unverified seed facts cited by questions: ${unverifiedCited.join(', ')}`);
  for (const q of questions) {
    const wrongOrOld = q.sources.filter((s) =>
      content.seedFacts.some((f) => f.id === s && (f.status === 'outdated' || f.status === 'wrong')),
    );
    if (wrongOrOld.length > 0 && !q.sources.some((s) => s.startsWith('https://'))) {
      problems.push(
        `${q.file}: id "${q.id}": teaches a correction of ${wrongOrOld.join(', ')} without a docs URL in sources`,
      );
    }
  }

  return {
    questions: total,
    perDomain,
    perDifficulty: count(questions.map((q) => q.difficulty)),
    perStyle,
    answerKeys,
    longestIsRight,
    services: content.services.length,
    seedFacts: {
      covered: [...cited].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))),
      uncovered,
      unverifiedCited,
    },
    problems,
  };
}

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}
