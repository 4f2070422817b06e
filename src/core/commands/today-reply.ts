import { rightAnswerLine } from '../presentation/answer-text.js';
import type { Messages } from '../presentation/messages/index.js';
import { questionView, textView } from '../presentation/views.js';
import { displayedChoices } from '../rounds/choices.js';
import type { QuizEngine } from '../rounds/quiz-engine.js';
import { todayRound } from '../rounds/today-round.js';
import type { CommandContext, CommandReply } from './command-reply.js';

/**
 * `/quiz today` (the console): the channel's question of the day again, with where the player stands in it
 * (open, their answer, or closed) in the line that counts answers elsewhere, and the right answer once it
 * cannot be answered any more.
 */
export async function todayReply(
  engine: QuizEngine,
  ctx: CommandContext,
  m: Messages,
): Promise<CommandReply> {
  const today = await todayRound(engine, { scope: ctx.scope, channelId: ctx.channelId }, ctx.userId);
  if (today.kind === 'none') return { kind: 'text', view: textView(m.todayNone) };
  const { round, question } = today;
  const domain = engine.bank.domain(question.domain);
  const view = questionView({ round, question, domain, answerCount: 0, timeZone: engine.timeZone, m });
  const right = (): string => rightAnswerLine(question, displayedChoices(question, round), m);
  view.answers =
    today.kind === 'open'
      ? m.todayOpen
      : today.kind === 'answered'
        ? m.todayAnswered(today.correct, right())
        : m.todayClosed(right());
  return { kind: 'question', view, round, question, answerable: today.kind === 'open' };
}
