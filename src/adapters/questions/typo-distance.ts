/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two neighbouring
 * characters each cost 1. Plain Levenshtein (and fuse.js's bitap) count a swap such as `bigqeury` as two
 * edits, which is why swapped letters ranked connectors above BigQuery; the common typos people make in a
 * slash command are exactly one of these four edits. Works on code points, so katakana needs nothing else.
 * Gives up early (returns `max + 1`) once the distance must exceed `max`.
 */
export function typoDistance(a: string, b: string, max: number): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        d = Math.min(d, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current[j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[t.length] ?? max + 1;
}

/** How many typos a query of this many characters may carry and still count as meaning a name. */
export function typoBudget(query: string): number {
  const length = [...query].length;
  if (length < 4) return 0;
  return length < 10 ? 1 : 2;
}

/**
 * The fewest typos with which `needle` appears somewhere inside `haystack` (approximate substring
 * matching: the match may start and end anywhere in `haystack`). Returns `max + 1` past `max`.
 */
export function typosInside(needle: string, haystack: string, max: number): number {
  const s = [...needle];
  const t = [...haystack];
  let previous = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return Math.min(max + 1, ...previous);
}
