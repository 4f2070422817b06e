import type { ScopeId } from '../../core/model/model.js';
import type { RecordAnswerInput, RecordAnswerResult } from '../../core/ports/quiz-store.js';
import { bucketName, type RedisKeys } from './redis-keys.js';
import { replyArray, replyNumber, replyString, roundKindOf } from './redis-replies.js';
import type { RedisStoreContext } from './redis-store-context.js';
import { RECORD_ANSWER_KEYS } from './scripts/record-answer.lua.js';

type RecordAnswerKey = (typeof RECORD_ANSWER_KEYS)[number];

/** The keys that differ from click to click; every other key depends only on the scope and the periods. */
const PER_CLICK = ['round', 'answers', 'player', 'reviewLog'] as const;
type PerClickKey = (typeof PER_CLICK)[number];
const slotOf = (name: RecordAnswerKey): number => RECORD_ANSWER_KEYS.indexOf(name);
const [ROUND, ANSWERS, PLAYER, REVIEW_LOG] = PER_CLICK.map(slotOf) as [number, number, number, number];

/**
 * Key lists per scope and period pair, with the per-click slots still empty: the 16 scope-level keys are
 * built once per scope and week rather than on every click (each is a prefix check and a concatenation,
 * and a flat string once written). A scope's entry is replaced when the week or month turns; the map is
 * emptied when it holds more scopes than this.
 */
const MAX_KEPT_SCOPES = 2000;
const keptKeys = new WeakMap<RedisKeys, Map<ScopeId, { periods: string; keys: readonly string[] }>>();

function scopeLevelKeys(keys: RedisKeys, input: RecordAnswerInput): readonly string[] {
  let perScope = keptKeys.get(keys);
  if (!perScope) {
    perScope = new Map();
    keptKeys.set(keys, perScope);
  }
  const { scope } = input;
  const periods = `${input.periods.week.key}|${input.periods.month.key}`;
  const kept = perScope.get(scope);
  if (kept?.periods === periods) return kept.keys;
  const week = bucketName('week', input.periods.week.key);
  const month = bucketName('month', input.periods.month.key);
  const byName: Record<Exclude<RecordAnswerKey, PerClickKey>, string> = {
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
    items: keys.items(scope),
  };
  const list = RECORD_ANSWER_KEYS.map((name) =>
    (PER_CLICK as readonly string[]).includes(name) ? '' : byName[name as keyof typeof byName],
  );
  if (perScope.size >= MAX_KEPT_SCOPES) perScope.clear();
  perScope.set(scope, { periods, keys: list });
  return list;
}

/** The script's KEYS for one answer, in the order `RECORD_ANSWER_KEYS` declares. */
export function recordAnswerKeys(keys: RedisKeys, input: RecordAnswerInput): string[] {
  const list = scopeLevelKeys(keys, input).slice();
  list[ROUND] = keys.round(input.scope, input.roundId);
  list[ANSWERS] = keys.answers(input.scope, input.roundId);
  list[PLAYER] = keys.player(input.scope, input.player.id);
  list[REVIEW_LOG] = keys.reviewLog(input.scope, input.player.id);
  return list;
}

/** The whole answer path in one script call: one network round trip, atomic. */
export async function recordAnswer(
  ctx: RedisStoreContext,
  input: RecordAnswerInput,
): Promise<RecordAnswerResult> {
  const reply = replyArray(
    await ctx.scripts.run('pqRecordAnswer', recordAnswerKeys(ctx.keys, input), [
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
        totals: { week: num(6), all: num(7) },
        answerCount: num(8),
      };
    default:
      throw new Error(`unexpected recordAnswer outcome: ${kind}`);
  }
}
