import { LRUCache } from 'lru-cache';
import type { Exam, ExamItem, ExamResult } from '../../core/model/exam.js';
import { isExamForm } from '../../core/model/exam.js';
import type { ScopeId } from '../../core/model/model.js';
import {
  EXAM_HISTORY_LIMIT,
  EXAM_LOG_LIMIT,
  type ExamRef,
  type ExamSubmission,
  type ExamUpdate,
  type SubmitExamResult,
  type UpdateExamResult,
} from '../../core/ports/exam-store.js';
import { pairsToRecord, replyArray, replyNumber, replyString } from './redis-replies.js';
import type { RedisStoreContext } from './redis-store-context.js';

/** A submitted exam stays readable (its report pages) this long after its deadline, unless replaced sooner. */
const EXAM_RETENTION_MS = 90 * 86_400_000;

/** Due-index members are `<scope>|<playerId>|<examId>`; scope ids and exam ids never contain `|`. */
function dueMember(exam: Pick<Exam, 'scope' | 'playerId' | 'id'>): string {
  return `${exam.scope}|${exam.playerId}|${exam.id}`;
}

function parseDueMember(member: string): ExamRef | null {
  const first = member.indexOf('|');
  const last = member.lastIndexOf('|');
  if (first <= 0 || last <= first) return null;
  return {
    scope: member.slice(0, first),
    playerId: member.slice(first + 1, last),
    examId: member.slice(last + 1),
  };
}

function examFields(exam: Exam): (string | number)[] {
  const fields: (string | number)[] = [
    'id',
    exam.id,
    'form',
    exam.form,
    'section',
    exam.section ?? '',
    'items',
    JSON.stringify(exam.items),
    'startedAt',
    exam.startedAt,
    'deadline',
    exam.deadline,
    'count',
    exam.items.length,
    'status',
    exam.status,
    'position',
    exam.position,
    'asked',
    exam.submitAskedAt,
    'rev',
    exam.revision,
    'mockDay',
    exam.mockDayId ?? '',
  ];
  exam.items.forEach((item, i) => {
    // Bank keys never contain a comma (they are A to E).
    fields.push(`k:${i}`, item.choiceOrder.join(','), `n:${i}`, item.answer.split(',').length);
    if (exam.answers[i]) fields.push(`a:${i}`, exam.answers[i] as string);
    if (exam.flags[i]) fields.push(`f:${i}`, 1);
  });
  return fields;
}

/** The fields an exam keeps from its start, and its parsed items: what a click need not read again. */
export interface FrozenExam {
  fields: Record<string, string>;
  items: ExamItem[];
}

const FROZEN_FIELDS = [
  'id',
  'form',
  'section',
  'items',
  'startedAt',
  'deadline',
  'count',
  'mockDay',
] as const;

/**
 * Frozen parts of exams seen by this process, by exam id. They never change, so a click asks the script for the
 * moving fields only (a few hundred bytes instead of the whole exam); a miss (a restart, another replica) asks
 * for everything in the same one call.
 */
export type FrozenExams = LRUCache<string, FrozenExam>;

export function frozenExams(): FrozenExams {
  return new LRUCache<string, FrozenExam>({ max: 10_000 });
}

function remember(cache: FrozenExams, hash: Record<string, string>): FrozenExam | null {
  const { id, items } = hash;
  if (!id || !items) return null;
  const fields: Record<string, string> = {};
  for (const name of FROZEN_FIELDS) if (hash[name] !== undefined) fields[name] = hash[name];
  const frozen = { fields, items: JSON.parse(items) as ExamItem[] };
  cache.set(id, frozen);
  return frozen;
}

/** The stored hash as an `Exam`; null when it is missing or unreadable. */
export function examFromHash(
  scope: ScopeId,
  playerId: string,
  hash: Record<string, string>,
  frozen?: FrozenExam,
): Exam | null {
  const { id, form, items: itemsJson } = hash;
  if (!id || !form || !isExamForm(form) || !itemsJson) return null;
  const items = frozen?.items ?? (JSON.parse(itemsJson) as ExamItem[]);
  const status = hash.status === 'submitted' ? 'submitted' : 'open';
  return {
    id,
    scope,
    playerId,
    form,
    ...(hash.section ? { section: hash.section } : {}),
    items,
    startedAt: Number(hash.startedAt),
    deadline: Number(hash.deadline),
    answers: items.map((_, i) => hash[`a:${i}`] ?? ''),
    flags: items.map((_, i) => hash[`f:${i}`] === '1'),
    position: Number(hash.position ?? 0),
    status,
    submitAskedAt: Number(hash.asked ?? 0),
    revision: Number(hash.rev ?? 0),
    ...(hash.submittedAt ? { submittedAt: Number(hash.submittedAt) } : {}),
    ...(hash.mockDay ? { mockDayId: hash.mockDay } : {}),
  };
}

function examOf(reply: unknown, exam: Pick<Exam, 'scope' | 'playerId'>, what: string): Exam {
  const parsed = examFromHash(exam.scope, exam.playerId, pairsToRecord(reply, what));
  if (!parsed) throw new Error(`unreadable exam in the ${what} reply`);
  return parsed;
}

export async function startExam(
  ctx: RedisStoreContext,
  exam: Exam,
): Promise<{ kind: 'started'; exam: Exam } | { kind: 'already-open'; exam: Exam }> {
  const { client, keys, scripts } = ctx;
  // Due entry first: an entry whose exam never started is dropped by the sweep, an exam without one never swept.
  await client.zadd(keys.examsDue(), exam.deadline, dueMember(exam));
  const reply = replyArray(
    await scripts.run(
      'pqStartExam',
      [keys.exam(exam.scope, exam.playerId)],
      [exam.deadline + EXAM_RETENTION_MS, ...examFields(exam)],
    ),
    'startExam',
  );
  const kind = replyString(reply[0], 'startExam') === 'started' ? 'started' : 'already-open';
  if (kind === 'already-open') await client.zrem(keys.examsDue(), dueMember(exam));
  return { kind, exam: examOf(reply[1], exam, 'startExam') };
}

export async function currentExam(
  ctx: RedisStoreContext,
  scope: ScopeId,
  playerId: string,
): Promise<Exam | null> {
  return examFromHash(scope, playerId, await ctx.client.hgetall(ctx.keys.exam(scope, playerId)));
}

export async function updateExam(
  ctx: RedisStoreContext,
  cache: FrozenExams,
  scope: ScopeId,
  playerId: string,
  examId: string,
  update: ExamUpdate,
  now: number,
  graceMs: number,
): Promise<UpdateExamResult> {
  const known = cache.get(examId);
  const reply = replyArray(
    await ctx.scripts.run(
      'pqUpdateExam',
      [ctx.keys.exam(scope, playerId)],
      [
        examId,
        now,
        graceMs,
        update.position,
        update.answer ? update.answer.index : '',
        update.answer ? update.answer.choice : '',
        update.toggleFlag ?? '',
        update.submitAskedAt ?? '',
        known ? '0' : '1',
      ],
    ),
    'updateExam',
  );
  const kind = replyString(reply[0], 'updateExam');
  if (kind !== 'updated' && kind !== 'expired' && kind !== 'bad-choice') return { kind: 'not-open' };
  const moving = pairsToRecord(reply[1], 'updateExam');
  const frozen = known ?? remember(cache, moving);
  const exam = frozen ? examFromHash(scope, playerId, { ...frozen.fields, ...moving }, frozen) : null;
  if (!exam) throw new Error('unreadable exam in the updateExam reply');
  if (kind === 'bad-choice') return { kind, exam, picks: replyNumber(reply[2], 'updateExam') };
  return { kind, exam };
}

export async function submitExam(ctx: RedisStoreContext, s: ExamSubmission): Promise<SubmitExamResult> {
  const { keys, client } = ctx;
  const lines = s.log.map((e) => `${e.at}|${e.questionId}|${e.correct ? 1 : 0}|${e.domain}|exam`);
  const triples = s.items.flatMap((i) => [`${i.questionId}@${i.version}`, i.correct ? 1 : 0, i.choice]);
  const reply = replyString(
    await ctx.scripts.run(
      'pqSubmitExam',
      [
        keys.exam(s.scope, s.playerId),
        keys.examLog(s.scope, s.playerId),
        keys.items(s.scope),
        keys.examResults(s.scope, s.playerId),
      ],
      [
        s.examId,
        s.revision,
        s.now,
        JSON.stringify(s.result),
        EXAM_HISTORY_LIMIT,
        EXAM_LOG_LIMIT,
        s.playerId,
        lines.length,
        ...lines,
        ...triples,
      ],
    ),
    'submitExam',
  );
  if (reply === 'submitted') {
    await client.zrem(keys.examsDue(), dueMember({ scope: s.scope, playerId: s.playerId, id: s.examId }));
    return 'submitted';
  }
  return reply === 'changed' ? 'changed' : 'not-open';
}

export async function examHistory(
  ctx: RedisStoreContext,
  scope: ScopeId,
  playerId: string,
): Promise<ExamResult[]> {
  const raw = await ctx.client.lrange(ctx.keys.examResults(scope, playerId), 0, -1);
  return raw.flatMap((json) => {
    try {
      return [JSON.parse(json) as ExamResult];
    } catch {
      return [];
    }
  });
}

/**
 * Reads the due index oldest first; entries whose exam is gone, replaced or already submitted are removed
 * on the way (they are left over from a failed start or a submission whose ZREM did not happen).
 */
export async function dueExams(ctx: RedisStoreContext, now: number, limit: number): Promise<ExamRef[]> {
  const { client, keys } = ctx;
  const members = await client.zrangebyscore(keys.examsDue(), '-inf', now, 'LIMIT', 0, limit);
  const due: ExamRef[] = [];
  const stale: string[] = [];
  for (const member of members) {
    const ref = parseDueMember(member);
    const state = ref ? await client.hmget(keys.exam(ref.scope, ref.playerId), 'id', 'status') : [];
    if (ref && state[0] === ref.examId && state[1] === 'open') due.push(ref);
    else stale.push(member);
  }
  if (stale.length > 0) await client.zrem(keys.examsDue(), ...stale);
  return due;
}
