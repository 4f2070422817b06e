import { describe, expect, it } from 'vitest';
import { MemoryQuizStore } from '../../../../src/adapters/memory/memory-quiz-store.js';
import {
  type ItemStatsRow,
  itemFlags,
  itemStatistics,
  pearson,
  scopeItemStatistics,
} from '../../../../src/core/learning/item-statistics.js';
import { seedItemStats } from '../../../support/item-stats-seed.js';

const scopes = { t1: 'slack:T1', t2: 'discord:T2' };

async function seededRows(): Promise<ItemStatsRow[]> {
  const store = new MemoryQuizStore();
  await seedItemStats(store, scopes);
  const counters = [...(await store.itemCounters(scopes.t1)), ...(await store.itemCounters(scopes.t2))];
  const responses = [
    ...(await store.itemResponses(scopes.t1)).map((r) => ({ ...r, scope: scopes.t1 })),
    ...(await store.itemResponses(scopes.t2)).map((r) => ({ ...r, scope: scopes.t2 })),
  ];
  const reports = new Map<string, number>();
  for (const r of await store.openReports(scopes.t1))
    reports.set(r.questionId, (reports.get(r.questionId) ?? 0) + 1);
  return itemStatistics(counters, responses, reports);
}

describe('item statistics on a hand-computed data set', () => {
  it('gives p over first answers in all scopes and the corrected point-biserial discrimination', async () => {
    const [x, y, z] = await seededRows();
    expect(x).toMatchObject({
      id: 'x',
      version: 'v1',
      answered: 5,
      p: 0.6,
      options: { A: 2, B: 3 },
      reports: 0,
    });
    expect(x?.discrimination).toBeCloseTo(1 / Math.sqrt(3), 10);
    expect(y).toMatchObject({ id: 'y', answered: 4, p: 0.5, reports: 1 });
    expect(y?.discrimination).toBeCloseTo(-0.25 / Math.sqrt(0.6875), 10);
    expect(z).toMatchObject({ id: 'z', answered: 4, p: 0.75, discrimination: 0 });
  });

  it('flags p < 0.2, p > 0.95, discrimination < 0.1 and a negative one as "check the key"', async () => {
    const [x, y, z] = await seededRows();
    expect(itemFlags(x as ItemStatsRow)).toEqual([]);
    expect(itemFlags(y as ItemStatsRow)).toEqual(['check-key']);
    expect(itemFlags(z as ItemStatsRow)).toEqual(['weak-discrimination']);
    const row = (p: number): ItemStatsRow => ({
      id: 'q',
      version: 'v',
      answered: 10,
      p,
      discrimination: 0.3,
      options: {},
      reports: 0,
    });
    expect(itemFlags(row(0.1))).toEqual(['too-hard']);
    expect(itemFlags(row(0.2))).toEqual([]);
    expect(itemFlags(row(0.96))).toEqual(['too-easy']);
  });

  it('has no correlation for fewer than two points or a constant variable', () => {
    expect(pearson([1], [0.5])).toBeNull();
    expect(pearson([1, 1], [0.5, 0.2])).toBeNull();
    expect(pearson([1, 0], [1, 0])).toBeCloseTo(1, 10);
  });
});

describe('scopeItemStatistics', () => {
  it("gives one scope's rows as itemStatistics does with every answer tagged with that scope", async () => {
    const store = new MemoryQuizStore();
    await seedItemStats(store, scopes);
    const counters = await store.itemCounters(scopes.t1);
    const responses = await store.itemResponses(scopes.t1);
    const tagged = itemStatistics(
      counters,
      responses.map((r) => ({ ...r, scope: scopes.t1 })),
    );
    expect(scopeItemStatistics(counters, responses)).toEqual(tagged);
    expect(tagged.some((r) => r.discrimination !== null)).toBe(true);
  });
});
