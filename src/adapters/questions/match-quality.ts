import { typoBudget, typoDistance, typosInside } from './typo-distance.js';

/**
 * How well a normalised query names one normalised term; lower is better, `null` is no match at all.
 * The tiers, best first:
 *   0       the term itself;
 *   1 + d   the term with d typos (d within the query's budget: `bigqeury`, `dataflwo`, `pubsb`);
 *   4       the start of the term (`feature stor`, `モデルガーデ`);
 *   5       inside the term (`kubernetes` in Google Kubernetes Engine, `ml engine` in Cloud ML Engine);
 *   6 + d   every word of the query inside the term, d typos in all (`vertex workbenh`).
 * Anything else is no match: a query that is close to nothing gets nothing, never unrelated services.
 */
export function matchQuality(query: string, words: readonly string[], term: string): number | null {
  if (query === term) return 0;
  const budget = typoBudget(query);
  if (budget > 0) {
    const d = typoDistance(query, term, budget);
    if (d <= budget) return 1 + d;
  }
  if (query.length >= 2 && term.startsWith(query)) return 4;
  if (query.length >= 4 && term.includes(query)) return 5;
  return wordsInside(words, term);
}

/** Every word (3 characters or more) inside the term within its own typo budget; the total typos. */
function wordsInside(words: readonly string[], term: string): number | null {
  const meaningful = words.filter((w) => [...w].length >= 3);
  if (meaningful.length === 0) return null;
  let typos = 0;
  for (const word of meaningful) {
    const budget = typoBudget(word);
    const d = typosInside(word, term, budget);
    if (d > budget) return null;
    typos += d;
  }
  return 6 + typos;
}
