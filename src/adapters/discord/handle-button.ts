import type { ButtonInteraction } from 'discord.js';
import type { CommandContext } from '../../core/commands/quiz-commands.js';
import { isStoreUnavailable } from '../../core/model/errors.js';
import type { Locale } from '../../core/model/model.js';
import { decodeAction, isExamAction } from '../../core/presentation/action-id.js';
import { messagesFor } from '../../core/presentation/messages/index.js';
import { textView } from '../../core/presentation/views.js';
import type { AnswerOutcome } from '../../core/rounds/quiz-engine.js';
import { handleExamComponent } from './handle-exam.js';
import type { HandlerDeps } from './handler-deps.js';
import { contextFor, fallbackLocale } from './interaction-context.js';
import { COLOR } from './render/render-embed.js';
import { type DiscordMessage, pickerMessage, textViewMessage } from './render/render-messages.js';
import { replyMessage, replyPrivately } from './reply.js';
import { showReportModal } from './report-modal.js';

/**
 * A click: an answer, a /gcp suggestion or "practise a related question". The private reply goes in the
 * interaction callback when it is ready within the defer threshold (one REST call, on an endpoint neither
 * Discord nor discord.js rate-limits globally); otherwise the click is deferred privately first and the
 * reply edited in, so the 3-second rule never bites.
 */
export async function handleButton(interaction: ButtonInteraction, deps: HandlerDeps): Promise<void> {
  const action = decodeAction(interaction.customId);
  // The exam's own message is updated in place, not answered with a new one.
  if (action && isExamAction(action) && action.kind !== 'exam-mockday') {
    await handleExamComponent(interaction, deps);
    return;
  }
  // A form must be the click's first response: no deferring, no store call before it.
  if (action?.kind === 'report' && interaction.inGuild()) {
    await showReportModal(interaction, action.questionId, deps);
    return;
  }
  await replyPrivately(interaction, buttonReply(interaction, deps), deps.deferAfterMs);
}

/** The private reply to a click. Never rejects: a failure becomes the message that says so. */
async function buttonReply(interaction: ButtonInteraction, deps: HandlerDeps): Promise<DiscordMessage> {
  const action = decodeAction(interaction.customId);
  let locale: Locale = fallbackLocale(interaction, deps);
  try {
    const ctx = await contextFor(interaction, deps, action?.kind !== 'answer');
    if (!ctx) return textViewMessage(textView(messagesFor(locale).guildOnly));
    locale = ctx.locale;
    if (!action) return textViewMessage(textView(messagesFor(locale).unknownRound));
    if (action.kind === 'pick') {
      const picker = await deps.commands.picker(action.roundId, ctx);
      return picker.kind === 'picker' ? pickerMessage(picker.view) : textViewMessage(picker.view);
    }
    if (action.kind !== 'answer') return replyMessage(await deps.commands.button(action, ctx));
    return await answerReply(action.roundId, action.choice, ctx, deps);
  } catch (error) {
    if (isStoreUnavailable(error)) return textViewMessage(textView(messagesFor(locale).unavailable));
    deps.log.error(
      { err: error, customId: interaction.customId, interactionId: interaction.id },
      'button failed',
    );
    return textViewMessage(textView(messagesFor(locale).somethingWentWrong));
  }
}

/** Records an answer (one atomic store step) and builds the private feedback; shared with the picker. */
export async function answerReply(
  roundId: string,
  choice: string,
  ctx: CommandContext,
  deps: HandlerDeps,
): Promise<DiscordMessage> {
  let answered: Awaited<ReturnType<typeof deps.commands.answer>>;
  try {
    answered = await deps.commands.answer(roundId, choice, ctx);
  } catch (error) {
    if (!isStoreUnavailable(error)) throw error;
    // Nothing was written: say so plainly, so the person clicks again rather than trusting a lost answer.
    return textViewMessage(textView(messagesFor(ctx.locale).notRecorded));
  }
  const { outcome, view } = answered;
  deps.locales.remember(ctx.scope, ctx.userId, outcome.locale);
  if ((outcome.kind === 'correct' || outcome.kind === 'incorrect') && outcome.roundKind === 'daily') {
    // Fire and forget: the public count is throttled and must never delay the private feedback.
    deps.platform
      .refreshAnswerCount({ scope: ctx.scope, channelId: ctx.channelId }, roundId, outcome.answerCount)
      .catch((error: unknown) => deps.log.warn({ err: error, roundId }, 'answer count refresh failed'));
  }
  return textViewMessage(view, feedbackColor(outcome));
}

function feedbackColor(outcome: AnswerOutcome): number {
  if (outcome.kind === 'correct') return COLOR.correct;
  if (outcome.kind === 'incorrect') return COLOR.incorrect;
  return COLOR.info;
}
