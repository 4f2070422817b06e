import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { CommandReply } from '../../core/commands/quiz-commands.js';
import { NO_MENTIONS } from './discord-platform.js';
import { examMessage } from './render/render-exam.js';
import { type DiscordMessage, questionMessage, textViewMessage } from './render/render-messages.js';

/** A command's reply as a Discord message: text as an embed, a practice question with its buttons. */
export function replyMessage(reply: CommandReply): DiscordMessage {
  if (reply.kind === 'text' && reply.exam) return examMessage(reply.view, reply.exam);
  // A private link goes as plain text: Discord makes no preview of it (SuppressEmbeds), so nothing fetches it.
  if (reply.kind === 'text' && reply.link) {
    return { embeds: [], components: [], content: [reply.view.title, ...reply.view.lines].join('\n') };
  }
  return reply.kind === 'text'
    ? textViewMessage(reply.view)
    : questionMessage(reply.view, reply.round.kind !== 'daily');
}

/** Fills in the deferred (ephemeral) reply. */
export async function sendReply(
  interaction:
    | ChatInputCommandInteraction
    | ButtonInteraction
    | StringSelectMenuInteraction
    | ModalSubmitInteraction,
  message: DiscordMessage,
): Promise<void> {
  await interaction.editReply({
    embeds: message.embeds,
    components: message.components,
    allowedMentions: NO_MENTIONS,
    ...(message.content ? { content: message.content, flags: MessageFlags.SuppressEmbeds } : {}),
  });
}

/** How long a reply may take before the interaction is deferred instead (Discord allows 3 s). */
export const DEFER_AFTER_MS = 1500;

/**
 * Sends a private reply: in the interaction callback when `work` is done within `deferAfterMs`, else by
 * deferring (ephemeral) first and editing the reply in when it is. `work` must not reject.
 */
export async function replyPrivately(
  interaction:
    | ChatInputCommandInteraction
    | ButtonInteraction
    | StringSelectMenuInteraction
    | ModalSubmitInteraction,
  work: Promise<DiscordMessage>,
  deferAfterMs = DEFER_AFTER_MS,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), deferAfterMs);
  });
  const ready = await Promise.race([work, late]);
  clearTimeout(timer);
  if (ready) {
    await interaction.reply({
      embeds: ready.embeds,
      components: ready.components,
      allowedMentions: NO_MENTIONS,
      ...(ready.content
        ? { content: ready.content, flags: MessageFlags.Ephemeral | MessageFlags.SuppressEmbeds }
        : { flags: MessageFlags.Ephemeral }),
    });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await sendReply(interaction, await work);
}
