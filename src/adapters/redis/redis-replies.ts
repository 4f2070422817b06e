import type { Round, RoundKind, ScopeId, Tally } from '../../core/model/model.js';

/**
 * Checks on script and command replies. Scripts answer with loosely typed arrays; these turn them into
 * typed values and fail loudly (a bug, not an outage) when a reply has an unexpected shape.
 */
export function replyArray(reply: unknown, what: string): unknown[] {
  if (!Array.isArray(reply)) throw new Error(`unexpected ${what} reply: ${String(reply)}`);
  return reply;
}

export function replyString(reply: unknown, what: string): string {
  if (typeof reply === 'string') return reply;
  if (Buffer.isBuffer(reply)) return reply.toString('utf8');
  throw new Error(`expected a string in the ${what} reply, got ${String(reply)}`);
}

export function replyNumber(reply: unknown, what: string): number {
  const value = typeof reply === 'number' ? reply : Number(replyString(reply, what));
  if (!Number.isFinite(value))
    throw new Error(`expected a number in the ${what} reply, got ${String(reply)}`);
  return value;
}

/** A flat `[field, value, field, value, ...]` reply (HGETALL inside a script) as a record. */
export function pairsToRecord(reply: unknown, what: string): Record<string, string> {
  const flat = replyArray(reply, what);
  const record: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) {
    record[replyString(flat[i], what)] = replyString(flat[i + 1], what);
  }
  return record;
}

/** The stored round hash as a `Round`; null when the hash is missing (never created or expired). */
export function roundFromHash(scope: ScopeId, hash: Record<string, string>): Round | null {
  const { id, channelId, questionId, kind, status } = hash;
  if (id === undefined || channelId === undefined || questionId === undefined) return null;
  return {
    id,
    scope,
    channelId,
    questionId,
    kind: roundKindOf(kind),
    status: status === 'open' ? 'open' : 'closed',
    openedAt: Number(hash.openedAt),
    closesAt: Number(hash.closesAt),
    seq: Number(hash.seq ?? 0),
    ...(hash.messageRef !== undefined ? { messageRef: hash.messageRef } : {}),
    ...(hash.ownerId !== undefined ? { ownerId: hash.ownerId } : {}),
    ...(hash.choiceOrder ? { choiceOrder: hash.choiceOrder.split(',') } : {}),
  };
}

/**
 * Vote counts live in the round hash as `n:<choice>` fields, created at 0 (only chosen ones are shown),
 * and the wholly right answers in `right`.
 */
export function tallyFromHash(hash: Record<string, string>, total: number): Tally {
  const counts: Record<string, number> = {};
  for (const [field, value] of Object.entries(hash)) {
    const count = Number(value);
    if (field.startsWith('n:') && count > 0) counts[field.slice(2)] = count;
  }
  // Rounds created before the counter existed have none: single-answer rounds, whose reveal does not use it.
  return { counts, total, right: Number(hash.right ?? 0) };
}

/** A ZRANGE ... WITHSCORES reply as `[member, score]` pairs. */
export function scoredMembers(reply: unknown, what: string): { member: string; score: number }[] {
  const flat = replyArray(reply, what);
  const rows: { member: string; score: number }[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    rows.push({ member: replyString(flat[i], what), score: replyNumber(flat[i + 1], what) });
  }
  return rows;
}

/** A stored round kind; anything unknown is read as daily (the rounds written before kinds were added). */
export function roundKindOf(stored: string | undefined): RoundKind {
  return stored === 'practice' || stored === 'review' ? stored : 'daily';
}
