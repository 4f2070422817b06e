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
}[];

describe('/gcp lookup', () => {
  it('has a table of at least 80 queries including the required ones', () => {
    expect(table.length).toBeGreaterThanOrEqual(80);
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

  it('suggests the closest services for nonsense and nothing for an empty query', () => {
    expect(catalog.lookup('')).toEqual({ kind: 'none', suggestions: [] });
    const none = catalog.lookup('zzqqxxyy');
    expect(none.kind === 'none' || none.kind === 'ambiguous').toBe(true);
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
