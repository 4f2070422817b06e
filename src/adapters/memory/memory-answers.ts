import type { ScopeId } from '../../core/model/model.js';
import type { RecordAnswerInput, RecordAnswerOutcome } from '../../core/ports/quiz-store.js';
import type { MemoryState } from './memory-state.js';

/**
 * The answer path, as the Redis store's one Lua script does it: judged, counted, and for a daily round
 * scored, streaked and put on the player's and team's boards. It never awaits, so nothing interleaves.
 */
export function recordAnswer(state: MemoryState, input: RecordAnswerInput): RecordAnswerOutcome {
  const stored = state.rounds.get(`${input.scope}|${input.roundId}`);
  const picks = input.choice.split(',');
  // The value must be a set of the round's keys in the one stored form, as many as the answer has.
  if (
    !stored ||
    picks.length !== stored.answerKey.split(',').length ||
    !picks.every((key, i) => stored.choiceKeys.includes(key) && (i === 0 || (picks[i - 1] as string) < key))
  ) {
    return { kind: 'unknown-round' };
  }
  const { round } = stored;
  if (round.status !== 'open' || input.now >= round.closesAt) {
    return { kind: 'closed', questionId: round.questionId };
  }
  const previous = stored.answers.get(input.player.id);
  if (previous !== undefined)
    return { kind: 'duplicate', questionId: round.questionId, previousChoice: previous };

  stored.answers.set(input.player.id, input.choice);
  for (const key of picks) stored.counts.set(key, (stored.counts.get(key) ?? 0) + 1);
  const correct = input.choice === stored.answerKey;
  if (correct) stored.right += 1;
  const playerKey = `${input.scope}|${input.player.id}`;
  const streakState = state.streaks.get(playerKey) ?? { streak: 0, best: 0, lastChannel: '', lastSeq: 0 };
  let points = 0;

  if (round.kind === 'daily') {
    state.names.set(playerKey, input.player.displayName);
    const continues = streakState.lastChannel === round.channelId && streakState.lastSeq === round.seq - 1;
    const streakBefore = continues ? streakState.streak : 0;
    if (correct) {
      const table = input.pointsByStreak;
      points = table[Math.min(streakBefore, table.length - 1)] ?? 0;
      streakState.streak = streakBefore + 1;
      streakState.best = Math.max(streakState.best, streakState.streak);
    } else {
      streakState.streak = 0;
    }
    streakState.lastChannel = round.channelId;
    streakState.lastSeq = round.seq;
    state.streaks.set(playerKey, streakState);

    const stats = state.stats.get(playerKey) ?? { answered: 0, correct: 0, perDomain: new Map() };
    const domain = stats.perDomain.get(stored.domain) ?? { answered: 0, correct: 0 };
    stats.answered += 1;
    domain.answered += 1;
    if (correct) {
      stats.correct += 1;
      domain.correct += 1;
    }
    stats.perDomain.set(stored.domain, domain);
    state.stats.set(playerKey, stats);

    if (points > 0) {
      const team = state.membership.get(playerKey);
      for (const name of [`w:${input.periods.week.key}`, `m:${input.periods.month.key}`, 'all']) {
        increment(boardOf(state.boards, input.scope, name), input.player.id, points);
        if (team) {
          increment(boardOf(state.teamBoards, input.scope, name), team, points);
          state.scorersOf(input.scope, name, team).add(input.player.id);
        }
      }
    }
  }

  // Learning (issue 14): the review log and the item counters, in the same step as the answer.
  state.learning.recordAnswer(
    input.scope,
    input.player.id,
    { at: input.now, questionId: round.questionId, domain: stored.domain, roundKind: round.kind, correct },
    input.choice,
    stored.questionVersion,
  );

  const score = (name: string): number =>
    state.boards.get(`${input.scope}|${name}`)?.get(input.player.id) ?? 0;
  return {
    kind: 'recorded',
    questionId: round.questionId,
    roundKind: round.kind,
    correct,
    points,
    streak: streakState.streak,
    totals: {
      week: score(`w:${input.periods.week.key}`),
      all: score('all'),
    },
    answerCount: stored.answers.size,
  };
}

function boardOf(
  boards: Map<string, Map<string, number>>,
  scope: ScopeId,
  name: string,
): Map<string, number> {
  const key = `${scope}|${name}`;
  const board = boards.get(key) ?? new Map<string, number>();
  boards.set(key, board);
  return board;
}

function increment(board: Map<string, number>, member: string, by: number): void {
  board.set(member, (board.get(member) ?? 0) + by);
}
