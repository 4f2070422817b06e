import type { StringSelectMenuInteraction } from 'discord.js';
import { isStoreUnavailable } from '../../core/model/errors.js';
import type { Locale } from '../../core/model/model.js';
import { messagesFor } from '../../core/presentation/messages/index.js';
import { textView } from '../../core/presentation/views.js';
import { encodePicks } from '../../core/rounds/choices.js';
import { answerReply } from './handle-button.js';
import { handleExamComponent } from './handle-exam.js';
import type { HandlerDeps } from './handler-deps.js';
import { contextFor, fallbackLocale } from './interaction-context.js';
import { decodePickerCustomId } from './render/render-components.js';
import { isExamSelect } from './render/render-exam.js';
import { type DiscordMessage, textViewMessage } from './render/render-messages.js';
import { replyPrivately } from './reply.js';

/**
 * The picks of a multiple-select question, from the private string select. Discord enforces
 * min_values = max_values, so a wrong count means a stale or forged payload; it is refused all the same,
 * with the message that says how many to pick.
 */
export async function handleSelect(
  interaction: StringSelectMenuInteraction,
  deps: HandlerDeps,
): Promise<void> {
  if (isExamSelect(interaction.customId)) {
    await handleExamComponent(interaction, deps);
    return;
  }
  await replyPrivately(interaction, selectReply(interaction, deps), deps.deferAfterMs);
}

async function selectReply(
  interaction: StringSelectMenuInteraction,
  deps: HandlerDeps,
): Promise<DiscordMessage> {
  const picker = decodePickerCustomId(interaction.customId);
  let locale: Locale = fallbackLocale(interaction, deps);
  try {
    const ctx = await contextFor(interaction, deps, false);
    if (!ctx) return textViewMessage(textView(messagesFor(locale).guildOnly));
    locale = ctx.locale;
    if (!picker) return textViewMessage(textView(messagesFor(locale).unknownRound));
    if (interaction.values.length !== picker.picks) {
      return textViewMessage(
        textView(messagesFor(locale).pickExactly(picker.picks, interaction.values.length)),
      );
    }
    return await answerReply(picker.roundId, encodePicks(interaction.values), ctx, deps);
  } catch (error) {
    if (!isStoreUnavailable(error)) {
      deps.log.error(
        { err: error, customId: interaction.customId, interactionId: interaction.id },
        'picker failed',
      );
    }
    return textViewMessage(textView(messagesFor(locale).unavailable));
  }
}
