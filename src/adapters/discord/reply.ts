import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { CommandReply } from '../../core/quiz-commands.js';
import { NO_MENTIONS } from './discord-platform.js';
import { type DiscordMessage, questionMessage, textViewMessage } from './render-messages.js';

/** A command's reply as a Discord message: text as an embed, a practice question with its buttons. */
export function replyMessage(reply: CommandReply): DiscordMessage {
  return reply.kind === 'text'
    ? textViewMessage(reply.view)
    : questionMessage(reply.view, reply.round.kind === 'practice');
}

/** Fills in the deferred (ephemeral) reply. */
export async function sendReply(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  message: DiscordMessage,
): Promise<void> {
  await interaction.editReply({
    embeds: message.embeds,
    components: message.components,
    allowedMentions: NO_MENTIONS,
  });
}
