import { describe, expect, it } from 'vitest';
import { recordAnswerKeys } from '../../../src/adapters/redis/redis-answers.js';
import { bucketName, RedisKeys } from '../../../src/adapters/redis/redis-keys.js';
import { RECORD_ANSWER_KEYS } from '../../../src/adapters/redis/scripts/record-answer.lua.js';
import type { ScopeId } from '../../../src/core/model/model.js';
import type { RecordAnswerInput } from '../../../src/core/ports/quiz-store.js';

/** Every key built from scratch, as the script's key list was built before the scope-level keys were kept. */
function fresh(keys: RedisKeys, input: RecordAnswerInput): string[] {
  const { scope, roundId } = input;
  const week = bucketName('week', input.periods.week.key);
  const month = bucketName('month', input.periods.month.key);
  const byName: Record<(typeof RECORD_ANSWER_KEYS)[number], string> = {
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

function input(
  scope: string,
  roundId: string,
  playerId: string,
  week: string,
  month: string,
): RecordAnswerInput {
  return {
    scope: scope as ScopeId,
    roundId,
    player: { id: playerId, displayName: playerId },
    choice: 'A',
    now: 0,
    pointsByStreak: [10],
    periods: { week: { key: week, expiresAt: 1 }, month: { key: month, expiresAt: 2 } },
  };
}

describe('the answer script keys', () => {
  it('are the same as built from scratch, click after click, across scopes, prefixes and period turns', () => {
    const prefixes = [new RedisKeys('pq'), new RedisKeys('bench-x')];
    const clicks: RecordAnswerInput[] = [];
    for (const [scope, week, month] of [
      ['slack:T1', '2030-W01', '2030-01'],
      ['slack:T2', '2030-W01', '2030-01'],
      ['slack:T1', '2030-W01', '2030-01'],
      ['slack:T1', '2030-W02', '2030-01'],
      ['discord:G1', '2030-W05', '2030-02'],
      // A week across the turn of a month: the month changes, the week does not.
      ['slack:T1', '2030-W05', '2030-01'],
      ['slack:T1', '2030-W05', '2030-02'],
      ['slack:T1', '2030-W01', '2030-01'],
    ] as const) {
      for (const [roundId, player] of [
        ['r1', 'U1'],
        ['r2', 'U2'],
        ['r1', 'U3'],
      ]) {
        clicks.push(input(scope, roundId ?? '', player ?? '', week, month));
      }
    }
    for (const keys of prefixes) {
      for (const click of clicks) expect(recordAnswerKeys(keys, click)).toEqual(fresh(keys, click));
    }
  });

  it('stay right past the number of scopes kept', () => {
    const keys = new RedisKeys('pq');
    for (let i = 0; i < 4500; i++) {
      const click = input(`slack:T${i % 2200}`, `r${i}`, `U${i}`, '2030-W01', '2030-01');
      expect(recordAnswerKeys(keys, click)).toEqual(fresh(keys, click));
    }
  });

  it("hand out a list of the caller's own, so changing one click's list changes no other", () => {
    const keys = new RedisKeys('pq');
    const first = recordAnswerKeys(keys, input('slack:T1', 'r1', 'U1', '2030-W01', '2030-01'));
    first.fill('changed');
    const second = input('slack:T1', 'r1', 'U1', '2030-W01', '2030-01');
    expect(recordAnswerKeys(keys, second)).toEqual(fresh(keys, second));
  });
});
