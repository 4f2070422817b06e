import path from 'node:path';
import { parseArgs } from 'node:util';
import { Cluster, Redis } from 'ioredis';
import { ContentError } from '../adapters/questions/load-content.js';
import { loadQuizContent } from '../adapters/questions/quiz-content.js';
import { readItemStatsData } from '../adapters/redis/redis-item-stats.js';
import { endOnClosedPipe } from '../app/end-on-closed-pipe.js';
import {
  MIN_FIRST_ANSWERS_FOR_DISTRACTORS,
  WEAK_DISTRACTOR_SHARE,
  weakDistractors,
} from '../core/learning/distractor-efficiency.js';
import { type ItemStatsRow, itemFlags, itemStatistics } from '../core/learning/item-statistics.js';
import { questionVersion } from '../core/learning/question-version.js';
import type { Question } from '../core/model/model.js';

endOnClosedPipe(process.stdout);

/**
 * `npm run questions:stats [-- --json]`: classical item analysis of every question version answered in
 * any workspace or guild of the deployment at `REDIS_URL` or `REDIS_CLUSTER_NODES` (key prefix `REDIS_KEY_PREFIX`,
 * default `pq`).
 * The table flags p < 0.2 (too hard, or a wrong key), p > 0.95 (too easy), discrimination < 0.1
 * (negative: check the key) and, for a version of the current bank (`QUIZ_QUESTIONS_DIR`, default
 * `questions`) with at least 30 first answers, each wrong option picked by fewer than 5 % of them (a
 * non-functional distractor). `--json` prints the rows, with `weakDistractors` (null for a version that is
 * no longer in the bank, whose options are unknown here).
 */
const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });

const FLAG_TEXT = {
  'too-hard': 'p < 0.2: too hard or wrong key',
  'too-easy': 'p > 0.95: too easy',
  'weak-discrimination': 'discrimination < 0.1',
  'check-key': 'negative discrimination: check the key',
} as const;

/** A row with the wrong options that do no work (null: the version is not the bank's current one). */
type StatsRow = ItemStatsRow & { weakDistractors: string[] | null };

function withDistractors(rows: ItemStatsRow[], bank: ReadonlyMap<string, Question>): StatsRow[] {
  return rows.map((row) => {
    const question = bank.get(row.id);
    const current = question && questionVersion(question) === row.version ? question : null;
    return {
      ...row,
      weakDistractors: current
        ? weakDistractors(row, { choiceKeys: current.choices.map((c) => c.key), rightKeys: current.answer })
        : null,
    };
  });
}

/** The current bank by id; empty, with a warning, when it does not load (the figures still print). */
function currentBank(): Map<string, Question> {
  try {
    const { bank } = loadQuizContent(path.resolve(process.env.QUIZ_QUESTIONS_DIR || 'questions'));
    return new Map(bank.all().map((q) => [q.id, q]));
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    console.error(`${error.message}
(weak distractors are left out: the bank does not load)`);
    return new Map();
  }
}

function printTable(rows: StatsRow[], scopes: number): void {
  const fixed = (v: number | null): string => (v === null ? '-' : v.toFixed(2));
  console.log(`Question versions: ${rows.length}   Workspaces/guilds: ${scopes}`);
  console.log(
    `${'id'.padEnd(34)}${'version'.padEnd(12)}${'n'.padStart(6)}${'p'.padStart(7)}${'disc'.padStart(7)}${'rep'.padStart(5)}  options / flags`,
  );
  for (const row of rows) {
    const options = Object.entries(row.options)
      .sort()
      .map(([k, n]) => `${k}:${n}`)
      .join(' ');
    const flags: string[] = itemFlags(row).map((f) => FLAG_TEXT[f]);
    if (row.weakDistractors && row.weakDistractors.length > 0) {
      flags.push(
        `weak distractors ${row.weakDistractors.join(', ')}: picked by < ${WEAK_DISTRACTOR_SHARE * 100}% of ≥ ${MIN_FIRST_ANSWERS_FOR_DISTRACTORS} first answers`,
      );
    }
    console.log(
      `${row.id.padEnd(34)}${row.version.padEnd(12)}${String(row.answered).padStart(6)}${fixed(row.p).padStart(7)}${fixed(row.discrimination).padStart(7)}${String(row.reports).padStart(5)}  ${options}${flags.length > 0 ? `  ⚠ ${flags.join('; ')}` : ''}`,
    );
  }
}

/** REDIS_CLUSTER_NODES (`host:port,...`) first, as the bot reads it; else REDIS_URL. */
function connectFromEnv(): Redis | Cluster | null {
  const nodes = process.env.REDIS_CLUSTER_NODES?.trim();
  if (nodes) {
    const startup = nodes.split(',').map((n) => {
      const [host = '', port = ''] = n.trim().split(':');
      return { host, port: Number(port) };
    });
    return new Cluster(startup, { lazyConnect: true, redisOptions: { maxRetriesPerRequest: 1 } });
  }
  const url = process.env.REDIS_URL;
  return url ? new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 }) : null;
}

const client = connectFromEnv();
if (!client) {
  console.error(
    'questions:stats reads the answers from Redis: set REDIS_URL (e.g. redis://127.0.0.1:6379) or REDIS_CLUSTER_NODES.',
  );
  process.exitCode = 2;
} else {
  const prefix = process.env.REDIS_KEY_PREFIX || 'pq';
  try {
    await client.connect();
    const data = await readItemStatsData(client, prefix);
    const rows = withDistractors(itemStatistics(data.counters, data.responses, data.reports), currentBank());
    if (values.json) console.log(JSON.stringify(rows, null, 2));
    else printTable(rows, data.scopes.length);
  } finally {
    client.disconnect();
  }
}
