import type { ExamDomain } from '../model/model.js';
import type { ReviewLogEntry } from '../ports/learning-store.js';

/**
 * Exam readiness per section: pure math on review-log entries, so it is tested on fixed data.
 *
 * Each (player, question) pair counts once, by its latest answer: a question answered wrong and later
 * right is known now. Recent answers weigh more: an answer's weight halves every `HALF_LIFE_DAYS`.
 */

/** Exam preparation runs over weeks; an answer a month old still counts, but half as much. */
export const HALF_LIFE_DAYS = 30;
/**
 * Below 5 distinct questions (in effective weight) a section says "not enough data": with 5 answers the
 * 95% Wilson interval of 3 right is 23-88%, already two thirds of the scale; with fewer it says nothing.
 */
export const MIN_EFFECTIVE_ANSWERS = 5;
/** 95% two-sided. */
const Z = 1.96;
const DAY_MS = 86_400_000;

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

export interface SectionReadiness {
  domainId: string;
  /** Distinct questions answered in the section (per player, pooled for a team). */
  answered: number;
  /** Kish's effective sample size of the recency weights: what the interval is based on. */
  effective: number;
  /** Null below `MIN_EFFECTIVE_ANSWERS`. */
  interval: Interval | null;
}

export interface Readiness {
  sections: SectionReadiness[];
  /** Weighted by the guide's section weights over the sections with enough data; null when none has. */
  overall: (Interval & { coveredWeight: number; totalWeight: number }) | null;
  /** The section with enough data and the lowest estimate. */
  weakest: string | null;
}

/** A log entry with the player it belongs to (team readiness pools several players' logs). */
export interface ScoredAnswer extends Pick<ReviewLogEntry, 'at' | 'questionId' | 'domain' | 'correct'> {
  playerId: string;
}

/** Wilson score interval for `right` out of `n` (n may be fractional: an effective sample size). */
export function wilson(right: number, n: number): Interval {
  if (n <= 0) return { estimate: 0, low: 0, high: 1 };
  const p = right / n;
  const z2 = Z * Z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { estimate: p, low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

export function recencyWeight(at: number, now: number): number {
  const ageDays = Math.max(0, now - at) / DAY_MS;
  return 0.5 ** (ageDays / HALF_LIFE_DAYS);
}

/** Readiness over `answers` at `now`, sections in the order of `domains`. */
export function readiness(
  answers: readonly ScoredAnswer[],
  domains: readonly ExamDomain[],
  now: number,
): Readiness {
  const latest = new Map<string, ScoredAnswer>();
  for (const a of answers) {
    const key = `${a.playerId}\n${a.questionId}`;
    const seen = latest.get(key);
    if (!seen || a.at >= seen.at) latest.set(key, a);
  }
  const byDomain = new Map<string, ScoredAnswer[]>();
  // Pushed in place: a team's pooled logs hold tens of thousands of answers, and copying the list per answer
  // would make this quadratic.
  for (const a of latest.values()) {
    const list = byDomain.get(a.domain);
    if (list) list.push(a);
    else byDomain.set(a.domain, [a]);
  }

  const sections = domains.map((d): SectionReadiness => {
    const list = byDomain.get(d.id) ?? [];
    let sum = 0;
    let sumSquares = 0;
    let right = 0;
    for (const a of list) {
      const w = recencyWeight(a.at, now);
      sum += w;
      sumSquares += w * w;
      if (a.correct) right += w;
    }
    const effective = sumSquares > 0 ? (sum * sum) / sumSquares : 0;
    const enough = effective >= MIN_EFFECTIVE_ANSWERS - 1e-9;
    // The weighted share of right answers, taken over the effective sample size for the interval.
    const interval = enough ? { ...wilson((right / sum) * effective, effective) } : null;
    return { domainId: d.id, answered: list.length, effective, interval };
  });

  const totalWeight = domains.reduce((s, d) => s + d.weight, 0);
  let covered = 0;
  const acc = { estimate: 0, low: 0, high: 0 };
  let weakest: SectionReadiness | null = null;
  sections.forEach((s, i) => {
    const weight = domains[i]?.weight ?? 0;
    if (!s.interval) return;
    covered += weight;
    acc.estimate += weight * s.interval.estimate;
    acc.low += weight * s.interval.low;
    acc.high += weight * s.interval.high;
    if (!weakest?.interval || s.interval.estimate < weakest.interval.estimate) weakest = s;
  });
  // The weighted mean of the sections' bounds: a conservative interval for the weighted mean (it
  // assumes the sections' errors go together rather than cancelling).
  const overall =
    covered > 0
      ? {
          estimate: acc.estimate / covered,
          low: acc.low / covered,
          high: acc.high / covered,
          coveredWeight: covered,
          totalWeight,
        }
      : null;
  return { sections, overall, weakest: (weakest as SectionReadiness | null)?.domainId ?? null };
}

/** `▰▰▰▱▱`: the estimate in `width` segments. */
export function readinessBar(share: number, width = 5): string {
  const filled = Math.max(0, Math.min(width, Math.round(share * width)));
  return '▰'.repeat(filled) + '▱'.repeat(width - filled);
}
