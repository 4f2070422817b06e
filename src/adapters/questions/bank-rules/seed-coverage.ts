import type { Content } from '../load-content.js';

/** Which facts of the study notes the bank teaches, and the rules that keep that coverage honest. */
export interface SeedFactCoverage {
  covered: string[];
  /** Accurate or partial facts no question is based on. */
  uncovered: string[];
  /** Unverified facts that a question cites (must be none). */
  unverifiedCited: string[];
}

export function seedFactCoverage(content: Content): SeedFactCoverage {
  const cited = new Set(content.questions.flatMap((q) => q.sources.filter((s) => /^F\d+$/.test(s))));
  const byStatus = (statuses: string[]): string[] =>
    content.seedFacts.filter((f) => statuses.includes(f.status)).map((f) => f.id);
  return {
    covered: [...cited].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))),
    uncovered: byStatus(['accurate', 'partial']).filter((id) => !cited.has(id)),
    unverifiedCited: byStatus(['unverified']).filter((id) => cited.has(id)),
  };
}

export function coverageProblems(content: Content, coverage: SeedFactCoverage): string[] {
  const problems: string[] = [];
  if (content.seedFacts.length > 0 && coverage.uncovered.length > 0) {
    problems.push(`accurate or partial seed facts with no question: ${coverage.uncovered.join(', ')}`);
  }
  if (coverage.unverifiedCited.length > 0) {
    problems.push(`unverified seed facts cited by questions: ${coverage.unverifiedCited.join(', ')}`);
  }
  for (const q of content.questions) {
    const wrongOrOld = q.sources.filter((s) =>
      content.seedFacts.some((f) => f.id === s && (f.status === 'outdated' || f.status === 'wrong')),
    );
    if (wrongOrOld.length > 0 && !q.sources.some((s) => s.startsWith('https://'))) {
      problems.push(
        `${q.file}: id "${q.id}": teaches a correction of ${wrongOrOld.join(', ')} without a docs URL in sources`,
      );
    }
  }
  return problems;
}
