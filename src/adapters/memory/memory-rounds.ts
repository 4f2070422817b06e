import type { ChannelRef, Round, RoundRef, ScopeId, Tally } from '../../core/model.js';
import { type ClaimCloseResult, type NewRound, openedRound } from '../../core/ports/quiz-store.js';
import type { MemoryState, StoredRound } from './memory-state.js';

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
    answers: new Map(),
    counts: new Map(),
    claimUntil: 0,
    revealed: false,
  });
  return { ...round };
}

/** A copy: callers must not be able to change the stored round. */
export function getRound(state: MemoryState, scope: ScopeId, roundId: string): Round | null {
  const stored = state.rounds.get(`${scope}|${roundId}`);
  return stored ? { ...stored.round } : null;
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

export function latestDailyRound(state: MemoryState, channel: ChannelRef): Round | null {
  const id = state.latestDaily.get(`${channel.scope}|${channel.channelId}`);
  return id ? getRound(state, channel.scope, id) : null;
}

export function tally(state: MemoryState, scope: ScopeId, roundId: string): Tally {
  const stored = state.rounds.get(`${scope}|${roundId}`);
  return { counts: Object.fromEntries(stored?.counts ?? []), total: stored?.answers.size ?? 0 };
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
  return { kind: 'claimed', round: { ...stored.round }, tally: tally(state, scope, roundId) };
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
