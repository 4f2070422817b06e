import type { ChannelRef, Question, Round } from '../model/model.js';
import type { QuizEngine } from './quiz-engine.js';

/**
 * Where a player stands with the channel's question of the day: none posted yet; open and not answered by
 * them; answered by them (right or wrong) while it is still open; or closed.
 */
export type TodayRound =
  | { kind: 'none' }
  | { kind: 'open'; round: Round; question: Question }
  | { kind: 'answered'; round: Round; question: Question; correct: boolean }
  | { kind: 'closed'; round: Round; question: Question };

/**
 * The channel's newest posted daily round and the player's state in it. Whether they answered is read from
 * their review log (an answer to this question, in a daily round, since this round opened): the store keeps
 * every first answer there in the same step as the answer itself, so no store call is added for it.
 */
export async function todayRound(
  engine: QuizEngine,
  channel: ChannelRef,
  playerId: string,
): Promise<TodayRound> {
  const latest = await engine.latestDailyRound(channel);
  // A round that never reached the channel is not today's question yet: posting it is the publisher's job.
  if (!latest?.messageRef) return { kind: 'none' };
  const question = engine.bank.get(latest.questionId);
  if (!question) return { kind: 'none' };
  const round = latest;
  if (round.status !== 'open' || engine.now() >= round.closesAt) return { kind: 'closed', round, question };
  const log = await engine.learningStore.reviewLog(channel.scope, playerId);
  const answer = log.findLast(
    (e) => e.roundKind === 'daily' && e.questionId === round.questionId && e.at >= round.openedAt,
  );
  return answer
    ? { kind: 'answered', round, question, correct: answer.correct }
    : { kind: 'open', round, question };
}
