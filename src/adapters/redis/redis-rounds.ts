import type { ChannelRef, Round, RoundRef, ScopeId, Tally } from '../../core/model/model.js';
import { type ClaimCloseResult, type NewRound, openedRound } from '../../core/ports/quiz-store.js';
import {
  pairsToRecord,
  replyArray,
  replyNumber,
  replyString,
  roundFromHash,
  tallyFromHash,
} from './redis-replies.js';
import type { RedisStoreContext } from './redis-store-context.js';

const DAY_MS = 86_400_000;
/** How long a round and its answers outlive `closesAt`: a daily one is looked back at, a practice one not. */
export const ROUND_RETENTION_MS = { daily: 14 * DAY_MS, practice: DAY_MS, review: DAY_MS } as const;

/** Due-index members are `<scope>|<roundId>`; scope ids never contain `|`. */
function dueMember(scope: ScopeId, roundId: string): string {
  return `${scope}|${roundId}`;
}

function parseDueMember(member: string): RoundRef | null {
  const bar = member.indexOf('|');
  return bar > 0 ? { scope: member.slice(0, bar), roundId: member.slice(bar + 1) } : null;
}

export async function createRound(ctx: RedisStoreContext, input: NewRound): Promise<Round> {
  const { keys, client, scripts } = ctx;
  if (input.kind === 'daily') {
    // Due entry first: if the create below fails, the orphan entry is dropped by the sweep, whereas a
    // round without an entry would never be revealed.
    await client.zadd(keys.due(), input.closesAt, dueMember(input.scope, input.id));
  }
  const expiresAt = input.closesAt + ROUND_RETENTION_MS[input.kind];
  const hash: Record<string, string | number> = {
    id: input.id,
    channelId: input.channelId,
    questionId: input.questionId,
    kind: input.kind,
    status: 'open',
    openedAt: input.openedAt,
    closesAt: input.closesAt,
    answerKey: input.answerKey,
    domain: input.domain,
    ...(input.questionVersion ? { questionVersion: input.questionVersion } : {}),
    expiresAt,
    claimUntil: 0,
    revealed: 0,
    ...(input.ownerId ? { ownerId: input.ownerId } : {}),
    // Bank keys never contain a comma (they are A to E).
    ...(input.choiceOrder ? { choiceOrder: input.choiceOrder.join(',') } : {}),
    // Answers that were wholly right (the exact set of a multiple-select question).
    right: 0,
  };
  // A counter per valid choice, from 0: the answer script also reads it as "this choice exists".
  for (const choice of input.choiceKeys) hash[`n:${choice}`] = 0;
  const seq = await scripts.run(
    'pqCreateRound',
    [
      keys.round(input.scope, input.id),
      keys.seq(input.scope, input.channelId),
      keys.latestDaily(input.scope, input.channelId),
    ],
    [input.kind, expiresAt, input.id, ...Object.entries(hash).flat()],
  );
  return openedRound(input, replyNumber(seq, 'createRound'));
}

export async function getRound(
  ctx: RedisStoreContext,
  scope: ScopeId,
  roundId: string,
): Promise<Round | null> {
  return roundFromHash(scope, await ctx.client.hgetall(ctx.keys.round(scope, roundId)));
}

export async function setRoundMessage(
  ctx: RedisStoreContext,
  scope: ScopeId,
  roundId: string,
  messageRef: string,
): Promise<void> {
  await ctx.scripts.run('pqSetRoundMessage', [ctx.keys.round(scope, roundId)], [messageRef]);
}

export async function latestDailyRound(ctx: RedisStoreContext, channel: ChannelRef): Promise<Round | null> {
  const id = await ctx.client.get(ctx.keys.latestDaily(channel.scope, channel.channelId));
  return id === null ? null : getRound(ctx, channel.scope, id);
}

export async function tally(ctx: RedisStoreContext, scope: ScopeId, roundId: string): Promise<Tally> {
  const [hash, total] = await Promise.all([
    ctx.client.hgetall(ctx.keys.round(scope, roundId)),
    ctx.client.hlen(ctx.keys.answers(scope, roundId)),
  ]);
  return tallyFromHash(hash, total);
}

/**
 * Reads the due index oldest first. Entries whose round is gone (expired, or its create failed) or
 * already revealed (the reveal's index removal failed) are removed on the way and skipped.
 */
export async function dueRounds(ctx: RedisStoreContext, now: number, limit: number): Promise<RoundRef[]> {
  const { client, keys } = ctx;
  const due: RoundRef[] = [];
  let offset = 0;
  while (due.length < limit) {
    const want = limit - due.length;
    const members = await client.zrangebyscore(keys.due(), '-inf', now, 'LIMIT', offset, want);
    const refs = members.map(parseDueMember);
    const states = await Promise.all(
      refs.map((ref) => (ref ? client.hget(keys.round(ref.scope, ref.roundId), 'revealed') : null)),
    );
    const stale: string[] = [];
    refs.forEach((ref, i) => {
      const revealed = states[i];
      if (ref && revealed === '0') due.push(ref);
      else stale.push(members[i] ?? '');
    });
    if (stale.length > 0) await client.zrem(keys.due(), ...stale);
    if (members.length < want) break;
    offset += members.length - stale.length;
  }
  return due;
}

export async function claimClose(
  ctx: RedisStoreContext,
  scope: ScopeId,
  roundId: string,
  now: number,
  leaseMs: number,
): Promise<ClaimCloseResult> {
  const reply = replyArray(
    await ctx.scripts.run(
      'pqClaimClose',
      [ctx.keys.round(scope, roundId), ctx.keys.answers(scope, roundId)],
      [now, now + leaseMs],
    ),
    'claimClose',
  );
  const kind = replyString(reply[0], 'claimClose');
  if (kind === 'busy' || kind === 'already-revealed') return { kind };
  const hash = kind === 'claimed' ? pairsToRecord(reply[1], 'claimClose') : {};
  const round = roundFromHash(scope, hash);
  if (!round) {
    // The round expired or was never written: its due entry, if any, can only get in the way.
    await ctx.client.zrem(ctx.keys.due(), dueMember(scope, roundId));
    return { kind: 'unknown-round' };
  }
  return { kind: 'claimed', round, tally: tallyFromHash(hash, replyNumber(reply[2], 'claimClose')) };
}

export async function markRevealed(ctx: RedisStoreContext, scope: ScopeId, roundId: string): Promise<void> {
  await ctx.scripts.run('pqMarkRevealed', [ctx.keys.round(scope, roundId)], []);
  // After the round's own flag: if this removal fails, dueRounds drops the entry as revealed.
  await ctx.client.zrem(ctx.keys.due(), dueMember(scope, roundId));
}
