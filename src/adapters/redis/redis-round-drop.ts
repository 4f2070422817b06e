import type { Round } from '../../core/model/model.js';
import { replyNumber } from './redis-replies.js';
import type { RedisStoreContext } from './redis-store-context.js';

/** Ends a never-posted daily round without a reveal (see `RoundStore.dropUnpostedRound`). */
export async function dropUnpostedRound(
  ctx: RedisStoreContext,
  round: Pick<Round, 'scope' | 'id' | 'channelId'>,
): Promise<boolean> {
  const { keys, scripts, client } = ctx;
  const dropped = await scripts.run(
    'pqDropUnpostedRound',
    [keys.round(round.scope, round.id), keys.seq(round.scope, round.channelId)],
    [],
  );
  // As after a reveal: the due entry goes once the round's own flag is set (dueRounds drops leftovers).
  await client.zrem(keys.due(), `${round.scope}|${round.id}`);
  return replyNumber(dropped, 'dropUnpostedRound') === 1;
}
