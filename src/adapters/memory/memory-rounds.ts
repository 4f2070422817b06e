import type { ChannelRef, Round, RoundRef, ScopeId, Tally } from '../../core/model/model.js';
import { type ClaimCloseResult, type NewRound, openedRound } from '../../core/ports/quiz-store.js';
import type { MemoryState, StoredRound } from './memory-state.js';

const DAY_MS = 86_400_000;
/** How long a round is kept after it closes: the same as the Redis store's key expiry. */
export const ROUND_RETENTION_MS = { daily: 14 * DAY_MS, practice: DAY_MS, review: DAY_MS } as const;
/** Sweeps for expired rounds at most this often (each sweep walks every round). */
const PRUNE_INTERVAL_MS = 60_000;

function expired(stored: StoredRound, now: number): boolean {
  return stored.round.closesAt + ROUND_RETENTION_MS[stored.round.kind] <= now;
}

/**
 * Forgets rounds past their retention, as Redis expires their keys, so a long-running console session
 * or test process does not keep every practice round it ever made.
 */
export function pruneExpired(state: MemoryState, now: number): void {
  if (now - state.lastPruneAt < PRUNE_INTERVAL_MS) return;
  state.lastPruneAt = now;
  for (const [key, stored] of state.rounds) if (expired(stored, now)) state.rounds.delete(key);
}

export function createRound(state: MemoryState, input: NewRound): Round {
  const channel = `${input.scope}|${input.channelId}`;
  let seq = 0;
  if (input.kind === 'daily') {
    seq = (state.seqs.get(channel) ?? 0) + 1;
    state.seqs.set(channel, seq);
    state.latestDaily.set(channel, input.id);
  }
  const round = openedRound(input, seq);
  state.rounds.set(`${input.scope}|${input.id}`, {
    round,
    answerKey: input.answerKey,
    choiceKeys: [...input.choiceKeys],
    domain: input.domain,
    ...(input.questionVersion ? { questionVersion: input.questionVersion } : {}),
    answers: new Map(),
    counts: new Map(),
    right: 0,
    claimUntil: 0,
    revealed: false,
  });
  return copyRound(round);
}

function copyRound(round: Round): Round {
  return { ...round, ...(round.choiceOrder ? { choiceOrder: [...round.choiceOrder] } : {}) };
}

/** A copy: callers must not be able to change the stored round. Null once expired, as on Redis. */
export function getRound(
  state: MemoryState,
  scope: ScopeId,
  roundId: string,
  now = Number.NEGATIVE_INFINITY,
): Round | null {
  const stored = state.rounds.get(`${scope}|${roundId}`);
  if (stored && expired(stored, now)) {
    state.rounds.delete(`${scope}|${roundId}`);
    return null;
  }
  return stored ? copyRound(stored.round) : null;
}

export function setRoundMessage(
  state: MemoryState,
  scope: ScopeId,
  roundId: string,
  messageRef: string,
): void {
  const stored = state.rounds.get(`${scope}|${roundId}`);
  if (stored) stored.round.messageRef = messageRef;
}

export function latestDailyRound(
  state: MemoryState,
  channel: ChannelRef,
  now = Number.NEGATIVE_INFINITY,
): Round | null {
  const id = state.latestDaily.get(`${channel.scope}|${channel.channelId}`);
  return id ? getRound(state, channel.scope, id, now) : null;
}

export function tally(state: MemoryState, scope: ScopeId, roundId: string): Tally {
  const stored = state.rounds.get(`${scope}|${roundId}`);
  return {
    counts: Object.fromEntries(stored?.counts ?? []),
    total: stored?.answers.size ?? 0,
    right: stored?.right ?? 0,
  };
}

export function dueRounds(state: MemoryState, now: number, limit: number): RoundRef[] {
  return [...state.rounds.values()]
    .filter((s) => s.round.kind === 'daily' && !s.revealed && s.round.closesAt <= now)
    .sort(byDueOrder)
    .slice(0, limit)
    .map((s) => ({ scope: s.round.scope, roundId: s.round.id }));
}

export function claimClose(
  state: MemoryState,
  scope: ScopeId,
  roundId: string,
  now: number,
  leaseMs: number,
): ClaimCloseResult {
  const stored = state.rounds.get(`${scope}|${roundId}`);
  if (!stored) return { kind: 'unknown-round' };
  if (stored.revealed) return { kind: 'already-revealed' };
  if (stored.claimUntil > now) return { kind: 'busy' };
  stored.round.status = 'closed';
  stored.claimUntil = now + leaseMs;
  return { kind: 'claimed', round: copyRound(stored.round), tally: tally(state, scope, roundId) };
}

export function markRevealed(state: MemoryState, scope: ScopeId, roundId: string): void {
  const stored = state.rounds.get(`${scope}|${roundId}`);
  if (stored) {
    stored.round.status = 'closed';
    stored.revealed = true;
  }
}

/** As the Redis store's drop script: closed and revealed, and the seq given back if still the last. */
export function dropUnpostedRound(
  state: MemoryState,
  ref: Pick<Round, 'scope' | 'id' | 'channelId'>,
): boolean {
  const stored = state.rounds.get(`${ref.scope}|${ref.id}`);
  if (!stored || stored.revealed || stored.round.messageRef !== undefined) return false;
  stored.round.status = 'closed';
  stored.revealed = true;
  const channel = `${ref.scope}|${ref.channelId}`;
  if (stored.round.kind === 'daily' && state.seqs.get(channel) === stored.round.seq) {
    state.seqs.set(channel, stored.round.seq - 1);
  }
  return true;
}

/**
 * Oldest `closesAt` first; ties in binary order of `<scope>|<roundId>`, the order the Redis store's due
 * index (a sorted set of such members) gives them.
 */
function byDueOrder(a: StoredRound, b: StoredRound): number {
  const member = (s: StoredRound): Buffer => Buffer.from(`${s.round.scope}|${s.round.id}`);
  return a.round.closesAt - b.round.closesAt || Buffer.compare(member(a), member(b));
}
