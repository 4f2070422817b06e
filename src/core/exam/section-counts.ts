import type { ExamDomain } from '../model/model.js';

/**
 * How many of `total` questions each section gets, in proportion to its weight, by largest remainder
 * (Hamilton): every section gets the floor of its exact share, and the seats left over go to the largest
 * fractions (ties to the heavier, then the earlier section). The counts add up to `total` exactly and each
 * is within one of its exact share. The guide's weights add to 101 %, so shares are of their sum.
 */
export function sectionCounts(domains: readonly ExamDomain[], total: number): Map<string, number> {
  const weightSum = domains.reduce((sum, d) => sum + d.weight, 0);
  const counts = new Map<string, number>();
  if (weightSum <= 0) return counts;
  const exact = domains.map((d, order) => ({ d, order, share: (total * d.weight) / weightSum }));
  for (const { d, share } of exact) counts.set(d.id, Math.floor(share));
  let left = total - [...counts.values()].reduce((a, b) => a + b, 0);
  const byRemainder = [...exact].sort(
    (a, b) =>
      b.share - Math.floor(b.share) - (a.share - Math.floor(a.share)) ||
      b.d.weight - a.d.weight ||
      a.order - b.order,
  );
  for (const { d } of byRemainder) {
    if (left <= 0) break;
    counts.set(d.id, (counts.get(d.id) ?? 0) + 1);
    left -= 1;
  }
  return counts;
}

/**
 * `sectionCounts`, with no section given more questions than it has (`available`): a section's shortfall is
 * shared out again among the sections that still have questions to spare, by the same largest remainder over
 * their weights, until the exam has its length or no section has any left. So a thin section makes the exam
 * lean a little towards the others rather than come out short.
 */
export function cappedSectionCounts(
  domains: readonly ExamDomain[],
  total: number,
  available: ReadonlyMap<string, number>,
): Map<string, number> {
  const capOf = (id: string): number => available.get(id) ?? 0;
  const counts = new Map<string, number>();
  let seats = total;
  // Each round either seats everything or fills at least one more section to its cap, so it ends.
  while (seats > 0) {
    const open = domains.filter((d) => capOf(d.id) > (counts.get(d.id) ?? 0));
    const shares = sectionCounts(open, seats);
    if (shares.size === 0) break;
    seats = 0;
    for (const [id, add] of shares) {
      const wanted = (counts.get(id) ?? 0) + add;
      counts.set(id, Math.min(wanted, capOf(id)));
      seats += Math.max(0, wanted - capOf(id));
    }
  }
  for (const d of domains) if (!counts.has(d.id)) counts.set(d.id, 0);
  return counts;
}
