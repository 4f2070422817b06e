import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { isStoreUnavailable } from '../../core/errors.js';
import { messagesFor } from '../../core/messages/index.js';
import type { Locale } from '../../core/model.js';
import type { QuizCommand } from '../../core/parse-quiz-command.js';
import { textView } from '../../core/views.js';
import { NAMES } from './command-definitions.js';
import type { HandlerDeps } from './handler-deps.js';
import { contextFor, fallbackLocale } from './interaction-context.js';
import { readQuizCommand, slashInputOf } from './read-quiz-command.js';
import { textViewMessage } from './render-messages.js';
import { replyMessage, sendReply } from './reply.js';

/**
 * `/gcp`, `/quiz` and `/quiz-admin`. Defers first (Discord's 3-second rule; the store may be slow), always
 * privately, then answers by editing the deferred reply, whatever happens in between.
 */
export async function handleSlashCommand(
  interaction: ChatInputCommandInteraction,
  deps: HandlerDeps,
): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  let locale: Locale = fallbackLocale(interaction, deps);
  try {
    const ctx = await contextFor(interaction, deps);
    if (!ctx) {
      await sendReply(interaction, textViewMessage(textView(messagesFor(locale).guildOnly)));
      return;
    }
    locale = ctx.locale;
    if (interaction.commandName === NAMES.gcp) {
      const query = interaction.options.getString(NAMES.query) ?? '';
      await sendReply(interaction, textViewMessage(deps.commands.gcp(query, ctx.locale)));
      return;
    }
    const command: QuizCommand =
      interaction.commandName === NAMES.quiz || interaction.commandName === NAMES.admin
        ? readQuizCommand(slashInputOf(interaction))
        : { kind: 'usage', command: 'quiz', unknown: interaction.commandName };
    const reply = await deps.commands.run(command, ctx);
    if (command.kind === 'lang') deps.locales.remember(ctx.scope, ctx.userId, command.locale);
    await sendReply(interaction, replyMessage(reply));
  } catch (error) {
    const m = messagesFor(locale);
    if (isStoreUnavailable(error)) {
      await sendReply(interaction, textViewMessage(textView(m.unavailable)));
      return;
    }
    deps.log.error(
      { err: error, command: interaction.commandName, interactionId: interaction.id },
      'command failed',
    );
    await sendReply(interaction, textViewMessage(textView(m.somethingWentWrong)));
  }
}
