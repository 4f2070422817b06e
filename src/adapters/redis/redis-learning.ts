import type { ScopeId } from '../../core/model/model.js';
import {
  type FileReportResult,
  type ItemCounters,
  type ItemResponse,
  type QuestionReport,
  REPORT_REASONS,
  REVIEW_LOG_LIMIT,
  type ReviewLogEntry,
} from '../../core/ports/learning-store.js';
import { replyArray, replyNumber, replyString, roundKindOf } from './redis-replies.js';
import type { RedisStoreContext } from './redis-store-context.js';

/** The learning reads and writes (docs/redis-keys.md); the answer script writes the log and counters. */

/**
 * The log as written: answers `at|questionId|right|domain|kind`, and guess marks `at|questionId|g` that
 * turn the question's latest right answer into a guess. Unreadable entries are skipped.
 */
export function parseReviewLog(raw: readonly string[]): ReviewLogEntry[] {
  const entries: ReviewLogEntry[] = [];
  for (const line of raw) {
    const [at, questionId, right, domain, kind] = line.split('|');
    if (!questionId || !at) continue;
    if (right === 'g') {
      const last = entries.findLast((e) => e.questionId === questionId);
      if (last?.correct) last.guessed = true;
      continue;
    }
    if (domain === undefined) continue;
    entries.push({
      at: Number(at),
      questionId,
      domain,
      roundKind: kind === 'exam' ? 'exam' : roundKindOf(kind),
      correct: right === '1',
      guessed: false,
    });
  }
  return entries;
}

/** The rounds' log and the exams' log (kept apart, so exams never push daily answers out), merged by time. */
export async function reviewLog(ctx: RedisStoreContext, scope: ScopeId, playerId: string) {
  const [rounds, exams] = await Promise.all([
    ctx.client.lrange(ctx.keys.reviewLog(scope, playerId), 0, -1),
    ctx.client.lrange(ctx.keys.examLog(scope, playerId), 0, -1),
  ]);
  // A stable sort: entries of one time keep their order (rounds first, as logged).
  return [...parseReviewLog(rounds), ...parseReviewLog(exams)].sort((a, b) => a.at - b.at);
}

/** Reads the log, then appends a mark when it applies: a separate, small call, never the click's. */
export async function markGuessed(
  ctx: RedisStoreContext,
  scope: ScopeId,
  playerId: string,
  questionId: string,
  at: number,
): Promise<boolean> {
  const key = ctx.keys.reviewLog(scope, playerId);
  const last = parseReviewLog(await ctx.client.lrange(key, 0, -1)).findLast(
    (e) => e.questionId === questionId,
  );
  if (!last?.correct || last.guessed) return false;
  await ctx.client.rpush(key, `${at}|${questionId}|g`);
  await ctx.client.ltrim(key, -REVIEW_LOG_LIMIT, -1);
  return true;
}

export async function itemCounters(ctx: RedisStoreContext, scope: ScopeId): Promise<ItemCounters[]> {
  return itemCountersFromHash(await ctx.client.hgetall(ctx.keys.items(scope)));
}

export async function itemResponses(ctx: RedisStoreContext, scope: ScopeId): Promise<ItemResponse[]> {
  return itemResponsesFromHash(await ctx.client.hgetall(ctx.keys.items(scope)));
}

export async function itemData(ctx: RedisStoreContext, scope: ScopeId) {
  return itemDataFromHash(await ctx.client.hgetall(ctx.keys.items(scope)));
}

/** The counters and the first answers in one pass over the fields (a scope's hash has one per answer). */
export function itemDataFromHash(hash: Record<string, string>): {
  counters: ItemCounters[];
  responses: ItemResponse[];
} {
  const items = new Map<string, ItemCounters>();
  const responses: ItemResponse[] = [];
  for (const [field, value] of Object.entries(hash)) {
    const parsed = parseItemField(field);
    if (!parsed) continue;
    const [kind, questionId, version, last] = parsed;
    const key = `${questionId}@${version}`;
    const c = items.get(key) ?? { questionId, version, answered: 0, right: 0, options: {} };
    items.set(key, c);
    if (kind === 'f') {
      c.answered += 1;
      if (value === '1') c.right += 1;
      responses.push({ questionId, version, playerId: last, correct: value === '1' });
    } else if (kind === 'o') {
      c.options[last] = Number(value);
    }
  }
  return { counters: [...items.values()], responses };
}

/** `f|<item>|<player>` and `o|<item>|<key>` as [kind, questionId, version, last part]; null if unreadable. */
function parseItemField(field: string): [string, string, string, string] | null {
  const first = field.indexOf('|');
  const second = field.indexOf('|', first + 1);
  if (first !== 1 || second < 0) return null;
  const item = field.slice(first + 1, second);
  const at = item.lastIndexOf('@');
  if (at < 0) return null;
  return [field.slice(0, first), item.slice(0, at), item.slice(at + 1), field.slice(second + 1)];
}

/**
 * The counters of each version: answered and right from the first answers (the answer script keeps no
 * separate counters for them, so a click does less), the picks per key from the `o|` fields.
 */
export function itemCountersFromHash(hash: Record<string, string>): ItemCounters[] {
  return itemDataFromHash(hash).counters;
}

/** The first answers (`f|` fields): one row per player and version. */
export function itemResponsesFromHash(hash: Record<string, string>): ItemResponse[] {
  const rows: ItemResponse[] = [];
  for (const [field, value] of Object.entries(hash)) {
    const parsed = parseItemField(field);
    if (parsed?.[0] !== 'f') continue;
    rows.push({ questionId: parsed[1], version: parsed[2], playerId: parsed[3], correct: value === '1' });
  }
  return rows;
}

export async function fileReport(
  ctx: RedisStoreContext,
  scope: ScopeId,
  report: QuestionReport,
  suspendAt: number,
): Promise<FileReportResult> {
  const { keys } = ctx;
  const reply = replyArray(
    await ctx.scripts.run(
      'pqFileReport',
      [keys.reports(scope, report.questionId), keys.reported(scope), keys.suspended(scope)],
      [report.playerId, report.questionId, JSON.stringify(report), suspendAt],
    ),
    'fileReport',
  );
  if (replyString(reply[0], 'fileReport') === 'duplicate') return { kind: 'duplicate' };
  return {
    kind: 'filed',
    reporters: replyNumber(reply[1], 'fileReport'),
    suspended: replyNumber(reply[2], 'fileReport') === 1,
  };
}

export async function openReports(ctx: RedisStoreContext, scope: ScopeId): Promise<QuestionReport[]> {
  const ids = await ctx.client.smembers(ctx.keys.reported(scope));
  const hashes = await Promise.all(ids.map((id) => ctx.client.hgetall(ctx.keys.reports(scope, id))));
  return hashes
    .flatMap((hash) => Object.values(hash).map(parseReport))
    .filter((r): r is QuestionReport => r !== null)
    .sort((a, b) => a.at - b.at);
}

function parseReport(json: string): QuestionReport | null {
  try {
    const r = JSON.parse(json) as Partial<QuestionReport>;
    const reason = REPORT_REASONS.find((x) => x === r.reason);
    if (typeof r.questionId !== 'string' || typeof r.playerId !== 'string' || !reason) return null;
    return {
      questionId: r.questionId,
      playerId: r.playerId,
      reason,
      text: typeof r.text === 'string' ? r.text : '',
      at: Number(r.at),
    };
  } catch {
    return null;
  }
}

export async function dismissReports(ctx: RedisStoreContext, scope: ScopeId, questionId: string) {
  const { keys } = ctx;
  return replyNumber(
    await ctx.scripts.run(
      'pqDismissReports',
      [keys.reports(scope, questionId), keys.reported(scope)],
      [questionId],
    ),
    'dismissReports',
  );
}

export async function restoreQuestion(ctx: RedisStoreContext, scope: ScopeId, questionId: string) {
  const { keys } = ctx;
  const reply = await ctx.scripts.run(
    'pqRestoreQuestion',
    [keys.reports(scope, questionId), keys.reported(scope), keys.suspended(scope)],
    [questionId],
  );
  return replyNumber(reply, 'restoreQuestion') === 1;
}
