/** Latency summaries for the benchmark tables. */

/** The nearest-rank percentile of an ascending array (NaN when empty). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] ?? Number.NaN;
}

export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** `p50/p95/p99` in ms, one decimal below 10 ms so the fast end stays readable. */
export function formatSummary(
  s: LatencySummary,
  keys: readonly (keyof LatencySummary)[] = ['p50', 'p95', 'p99'],
) {
  return keys.map((k) => formatMs(s[k])).join(' / ');
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  return ms < 10 ? ms.toFixed(1) : ms.toFixed(0);
}
