import type { MockDay, MockDayStatus } from '../../core/model/exam.js';
import type { ScopeId } from '../../core/model/model.js';
import type { MockDayPlayer } from '../../core/ports/exam-store.js';
import { replyNumber } from './redis-replies.js';
import type { RedisStoreContext } from './redis-store-context.js';

/** Team mock days (docs/redis-keys.md): the day's hash, its players, the public opt-ins and the due index. */

const member = (scope: ScopeId, id: string): string => `${scope}|${id}`;

export async function saveMockDay(ctx: RedisStoreContext, day: MockDay): Promise<void> {
  const { client, keys } = ctx;
  await client.hset(keys.mockDay(day.scope, day.id), 'json', JSON.stringify(day), 'status', day.status);
  await client.zadd(keys.mockDaysDue(), day.startsAt, member(day.scope, day.id));
}

export async function mockDay(ctx: RedisStoreContext, scope: ScopeId, id: string): Promise<MockDay | null> {
  const [json, status] = await ctx.client.hmget(ctx.keys.mockDay(scope, id), 'json', 'status');
  if (!json) return null;
  const day = JSON.parse(json) as MockDay;
  return { ...day, status: (status as MockDayStatus | null) ?? day.status };
}

export async function dueMockDays(ctx: RedisStoreContext, now: number, limit: number) {
  const members = await ctx.client.zrangebyscore(ctx.keys.mockDaysDue(), '-inf', now, 'LIMIT', 0, limit);
  return members.flatMap((m) => {
    const bar = m.indexOf('|');
    return bar > 0 ? [{ scope: m.slice(0, bar), id: m.slice(bar + 1) }] : [];
  });
}

export async function advanceMockDay(
  ctx: RedisStoreContext,
  scope: ScopeId,
  id: string,
  from: MockDayStatus,
  to: MockDayStatus,
  nextAt: number | null,
): Promise<boolean> {
  const moved =
    replyNumber(
      await ctx.scripts.run('pqAdvanceMockDay', [ctx.keys.mockDay(scope, id)], [from, to]),
      'advanceMockDay',
    ) === 1;
  // The cross-scope index is touched by single-key commands only; a lost update here leaves an entry the next
  // tick finds and drops (its status no longer matches).
  if (moved) {
    if (nextAt === null) await ctx.client.zrem(ctx.keys.mockDaysDue(), member(scope, id));
    else await ctx.client.zadd(ctx.keys.mockDaysDue(), nextAt, member(scope, id));
  }
  return moved;
}

/** Player fields hold `<examId>|<name>` (exam ids never contain `|`). */
export async function joinMockDay(
  ctx: RedisStoreContext,
  scope: ScopeId,
  id: string,
  player: MockDayPlayer,
): Promise<string | null> {
  const key = ctx.keys.mockDayPlayers(scope, id);
  if ((await ctx.client.hsetnx(key, player.playerId, `${player.examId}|${player.name}`)) === 1) return null;
  const earlier = (await ctx.client.hget(key, player.playerId)) ?? '';
  return earlier.slice(0, earlier.indexOf('|'));
}

export async function mockDayPlayers(
  ctx: RedisStoreContext,
  scope: ScopeId,
  id: string,
): Promise<MockDayPlayer[]> {
  const hash = await ctx.client.hgetall(ctx.keys.mockDayPlayers(scope, id));
  return Object.entries(hash).map(([playerId, value]) => {
    const bar = value.indexOf('|');
    return {
      playerId,
      examId: bar < 0 ? value : value.slice(0, bar),
      name: bar < 0 ? '' : value.slice(bar + 1),
    };
  });
}

export async function setExamPublic(ctx: RedisStoreContext, scope: ScopeId, playerId: string, on: boolean) {
  if (on) await ctx.client.sadd(ctx.keys.examPublic(scope), playerId);
  else await ctx.client.srem(ctx.keys.examPublic(scope), playerId);
}

export async function examPublicPlayers(ctx: RedisStoreContext, scope: ScopeId): Promise<string[]> {
  return ctx.client.smembers(ctx.keys.examPublic(scope));
}
