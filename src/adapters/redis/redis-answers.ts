import type { RecordAnswerInput, RecordAnswerResult } from '../../core/ports/quiz-store.js';
import { bucketName } from './redis-keys.js';
import { replyArray, replyNumber, replyString, roundKindOf } from './redis-replies.js';
import type { RedisStoreContext } from './redis-store-context.js';
import { RECORD_ANSWER_KEYS } from './scripts/record-answer.lua.js';

type RecordAnswerKey = (typeof RECORD_ANSWER_KEYS)[number];

/** The script's KEYS for one answer, in the order `RECORD_ANSWER_KEYS` declares. */
function recordAnswerKeys(ctx: RedisStoreContext, input: RecordAnswerInput): string[] {
  const { keys } = ctx;
  const { scope, roundId } = input;
  const week = bucketName('week', input.periods.week.key);
  const month = bucketName('month', input.periods.month.key);
  const byName: Record<RecordAnswerKey, string> = {
    round: keys.round(scope, roundId),
    answers: keys.answers(scope, roundId),
    player: keys.player(scope, input.player.id),
    names: keys.names(scope),
    membership: keys.membership(scope),
    boardWeek: keys.board(scope, week),
    boardMonth: keys.board(scope, month),
    boardAll: keys.board(scope, 'all'),
    teamBoardWeek: keys.teamBoard(scope, week),
    teamBoardMonth: keys.teamBoard(scope, month),
    teamBoardAll: keys.teamBoard(scope, 'all'),
    teamScorersWeek: keys.teamScorers(scope, week),
    teamScorersMonth: keys.teamScorers(scope, month),
    teamScorersAll: keys.teamScorers(scope, 'all'),
    teamScorerCountsWeek: keys.teamScorerCounts(scope, week),
    teamScorerCountsMonth: keys.teamScorerCounts(scope, month),
    teamScorerCountsAll: keys.teamScorerCounts(scope, 'all'),
    locales: keys.locales(scope),
    reviewLog: keys.reviewLog(scope, input.player.id),
    items: keys.items(scope),
  };
  return RECORD_ANSWER_KEYS.map((name) => byName[name]);
}

/** The whole answer path in one script call: one network round trip, atomic. */
export async function recordAnswer(
  ctx: RedisStoreContext,
  input: RecordAnswerInput,
): Promise<RecordAnswerResult> {
  const reply = replyArray(
    await ctx.scripts.run('pqRecordAnswer', recordAnswerKeys(ctx, input), [
      input.player.id,
      input.choice,
      input.now,
      input.player.displayName,
      input.periods.week.expiresAt,
      input.periods.month.expiresAt,
      ...input.pointsByStreak,
    ]),
    'recordAnswer',
  );
  const at = (i: number): string => replyString(reply[i], 'recordAnswer');
  const num = (i: number): number => replyNumber(reply[i], 'recordAnswer');
  const kind = at(0);
  // The player's language is the reply's last element ('' when they never chose one).
  const stored = at(reply.length - 1);
  const locale = stored === 'ja' || stored === 'en' ? stored : null;
  // The round's display order is the element before it ('' for rounds opened before orders existed).
  const order = kind === 'unknown-round' ? '' : at(reply.length - 2);
  const choiceOrder = order ? { choiceOrder: order.split(',') } : {};
  switch (kind) {
    case 'unknown-round':
      return { kind, locale };
    case 'closed':
      return { kind, questionId: at(1), locale, ...choiceOrder };
    case 'duplicate':
      return { kind, questionId: at(1), previousChoice: at(2), locale, ...choiceOrder };
    case 'recorded':
      return {
        kind,
        locale,
        ...choiceOrder,
        questionId: at(1),
        roundKind: roundKindOf(at(2)),
        correct: num(3) === 1,
        points: num(4),
        streak: num(5),
        totals: { week: num(6), month: num(7), all: num(8) },
        answerCount: num(9),
      };
    default:
      throw new Error(`unexpected recordAnswer outcome: ${kind}`);
  }
}
