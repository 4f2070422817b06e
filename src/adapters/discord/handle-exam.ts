import type { ButtonInteraction, StringSelectMenuInteraction } from 'discord.js';
import { isStoreUnavailable } from '../../core/model/errors.js';
import type { Locale } from '../../core/model/model.js';
import { decodeAction, isExamAction } from '../../core/presentation/action-id.js';
import { messagesFor } from '../../core/presentation/messages/index.js';
import { textView } from '../../core/presentation/views.js';
import { NO_MENTIONS } from './discord-platform.js';
import type { HandlerDeps } from './handler-deps.js';
import { contextFor, fallbackLocale } from './interaction-context.js';
import { decodeExamPicks } from './render/render-exam.js';
import { type DiscordMessage, textViewMessage } from './render/render-messages.js';
import { replyMessage } from './reply.js';

/**
 * A click on the exam message (a letter, Flag, Previous, Next, Submit, the navigator, a multiple-select answer):
 * the message itself is updated, in the interaction callback when the store answers within the defer
 * threshold, else after a deferred update. A store outage leaves the message as it was and says so privately.
 */
export async function handleExamComponent(
  interaction: ButtonInteraction | StringSelectMenuInteraction,
  deps: HandlerDeps,
): Promise<void> {
  const work = examReply(interaction, deps);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), deps.deferAfterMs);
  });
  const ready = await Promise.race([work, late]);
  clearTimeout(timer);
  if (ready) {
    await interaction.update({
      embeds: ready.embeds,
      components: ready.components,
      allowedMentions: NO_MENTIONS,
    });
    return;
  }
  await interaction.deferUpdate();
  const message = await work;
  await interaction.editReply({
    embeds: message.embeds,
    components: message.components,
    allowedMentions: NO_MENTIONS,
  });
}

async function examReply(
  interaction: ButtonInteraction | StringSelectMenuInteraction,
  deps: HandlerDeps,
): Promise<DiscordMessage> {
  let locale: Locale = fallbackLocale(interaction, deps);
  try {
    // The language as last seen (no store read): a click stays one store call.
    const ctx = await contextFor(interaction, deps, false);
    if (!ctx) return textViewMessage(textView(messagesFor(locale).guildOnly));
    locale = ctx.locale;
    const m = messagesFor(locale);
    const values = interaction.isStringSelectMenu() ? interaction.values : [];
    const picks = decodeExamPicks(interaction.customId);
    if (picks)
      return replyMessage(await deps.commands.exam.answerKeys(picks.examId, picks.index, values, ctx, m));
    // A button carries its action; the navigator's chosen option carries one.
    const action = decodeAction(interaction.isStringSelectMenu() ? (values[0] ?? '') : interaction.customId);
    if (!action || !isExamAction(action)) return textViewMessage(textView(m.exam.noExam));
    const reply = await deps.commands.exam.button(action, ctx, m);
    return replyMessage(reply);
  } catch (error) {
    const m = messagesFor(locale);
    if (isStoreUnavailable(error)) return textViewMessage(textView(m.notRecorded));
    deps.log.error(
      { err: error, customId: interaction.customId, interactionId: interaction.id },
      'exam click failed',
    );
    return textViewMessage(textView(m.somethingWentWrong));
  }
}
