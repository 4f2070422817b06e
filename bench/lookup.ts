import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { loadQuizContent } from '../src/adapters/questions/quiz-content.js';

/** /gcp lookup speed over the whole catalog, with the queries of the lookup test. Prints a table. */
export async function benchLookup(): Promise<string> {
  const root = path.resolve(import.meta.dirname, '..');
  const { catalog } = loadQuizContent(path.join(root, 'questions'));
  const rows = parse(readFileSync(path.join(root, 'test/fixtures/lookup-queries.yaml'), 'utf8')) as {
    query: string;
  }[];
  const queries = rows.map((r) => r.query);
  for (const q of queries) catalog.lookup(q); // warm up
  const rounds = 20;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) for (const q of queries) catalog.lookup(q);
  const lookupMs = (performance.now() - started) / (rounds * queries.length);
  const suggestStarted = performance.now();
  for (let i = 0; i < rounds; i++) for (const q of queries) catalog.suggest(q.slice(0, 4), 25);
  const suggestMs = (performance.now() - suggestStarted) / (rounds * queries.length);
  return [
    `/gcp lookup (${catalog.all().length} services, ${queries.length} queries x ${rounds})`,
    `  lookup, mean ms per query                                  ${lookupMs.toFixed(3)}`,
    `  autocomplete suggest (4-character prefix), mean ms         ${suggestMs.toFixed(3)}`,
  ].join('\n');
}
