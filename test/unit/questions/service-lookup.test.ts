import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normalizeQuery } from '../../../src/adapters/questions/normalize-query.js';
import { loadQuizContent } from '../../../src/adapters/questions/quiz-content.js';

const root = path.resolve(import.meta.dirname, '../../..');
const { catalog, bank } = loadQuizContent(path.join(root, 'questions'));
const table = parse(readFileSync(path.join(root, 'test/fixtures/lookup-queries.yaml'), 'utf8')) as {
  query: string;
  expect: string;
  kind?: 'typo' | 'ja';
}[];

describe('/gcp lookup', () => {
  it('has a table of at least 150 queries: 30 typos, 20 Japanese spellings and the required ones', () => {
    expect(table.length).toBeGreaterThanOrEqual(150);
    expect(table.filter((row) => row.kind === 'typo').length).toBeGreaterThanOrEqual(30);
    expect(table.filter((row) => row.kind === 'ja').length).toBeGreaterThanOrEqual(20);
    const queries = table.map((row) => row.query);
    for (const required of [
      'bqml',
      'データフロー',
      'pub sub',
      'vertex pipelines',
      'dataproc',
      '特徴量ストア',
      'speech to text',
      'kubeflow pipeline',
      'bigqeury',
      'bigqury',
      'dataflwo',
      'pubsb',
    ]) {
      expect(queries).toContain(required);
    }
  });

  it.each(table)('finds $expect for "$query"', ({ query, expect: expected }) => {
    const result = catalog.lookup(query);
    const top =
      result.kind === 'match'
        ? result.service
        : result.kind === 'ambiguous'
          ? result.candidates[0]
          : undefined;
    expect(top?.id).toBe(expected);
  });

  it('normalises width, kana, case, spaces, hyphens and slashes', () => {
    expect(normalizeQuery('Ｐｕｂ／Ｓｕｂ')).toBe('pubsub');
    expect(normalizeQuery('でーたふろー')).toBe(normalizeQuery('データフロー'));
    expect(normalizeQuery('ﾃﾞｰﾀﾌﾛｰ')).toBe(normalizeQuery('データフロー'));
    expect(normalizeQuery(' Speech-to-Text ')).toBe('speechtotext');
  });

  it('takes the most likely service for a typo of a common one, as the one match', () => {
    for (const [query, id] of [
      ['bigqeury', 'bigquery'],
      ['bigqury', 'bigquery'],
      ['dataflwo', 'dataflow'],
      ['pubsb', 'pubsub'],
    ] as const) {
      const result = catalog.lookup(query);
      expect(result.kind === 'match' && result.service.id).toBe(id);
    }
  });

  it('among equally good matches, puts first the service the bank asks about most', () => {
    // Every candidate of "model" starts one of its names with it (Model Registry, Model Garden, Keras's
    // ModelCheckpoint…): equally good, so the order is the bank's.
    const result = catalog.lookup('model');
    const counts =
      result.kind === 'ambiguous' ? result.candidates.map((s) => s.relatedQuestionIds.length) : [];
    expect(counts).toHaveLength(3);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(new Set(counts).size).toBeGreaterThan(1);
  });

  it('says nothing matches, and suggests nothing unrelated, for services it does not know', () => {
    expect(catalog.lookup('')).toEqual({ kind: 'none', suggestions: [] });
    for (const query of ['zzqqxxyy', 'memorystore', 'cloud sql', 'looker', 'firestore', 'cloud spanner']) {
      expect(catalog.lookup(query)).toEqual({ kind: 'none', suggestions: [] });
    }
  });

  it('lists related questions computed from the bank, never stale', () => {
    const ids = new Set(bank.all().map((q) => q.id));
    for (const service of catalog.all()) {
      for (const id of service.relatedQuestionIds) {
        expect(ids.has(id)).toBe(true);
        expect(bank.get(id)?.services).toContain(service.id);
      }
    }
    expect(catalog.all().filter((s) => s.relatedQuestionIds.length > 0).length).toBeGreaterThan(40);
  });

  it('autocompletes with at most 25 suggestions', () => {
    expect(catalog.suggest('', 25)).toHaveLength(25);
    expect(catalog.suggest('big', 25).map((s) => s.id)).toContain('bigquery-ml');
  });
});
