import type { ChatInputCommandInteraction } from 'discord.js';
import type { QuizCommand } from '../../core/commands/parse-quiz-command.js';
import { isStoreUnavailable } from '../../core/model/errors.js';
import type { Locale } from '../../core/model/model.js';
import { messagesFor } from '../../core/presentation/messages/index.js';
import { textView } from '../../core/presentation/views.js';
import { NAMES } from './commands/command-definitions.js';
import { readQuizCommand, slashInputOf } from './commands/read-quiz-command.js';
import type { HandlerDeps } from './handler-deps.js';
import { contextFor, fallbackLocale } from './interaction-context.js';
import { type DiscordMessage, textViewMessage } from './render/render-messages.js';
import { replyMessage, replyPrivately } from './reply.js';

/**
 * `/gcp`, `/quiz` and `/quiz-admin`, always privately. A reply ready within the defer threshold (`/gcp`,
 * help, boards, stats: usually all of them) goes in the interaction callback itself, one request and no
 * "thinking…"; only a slow store makes it defer first and edit the reply in (Discord's 3-second rule).
 */
export async function handleSlashCommand(
  interaction: ChatInputCommandInteraction,
  deps: HandlerDeps,
): Promise<void> {
  await replyPrivately(interaction, commandReply(interaction, deps), deps.deferAfterMs);
}

/** The private reply to a command. Never rejects: a failure becomes the message that says so. */
async function commandReply(
  interaction: ChatInputCommandInteraction,
  deps: HandlerDeps,
): Promise<DiscordMessage> {
  let locale: Locale = fallbackLocale(interaction, deps);
  try {
    const ctx = await contextFor(interaction, deps);
    if (!ctx) return textViewMessage(textView(messagesFor(locale).guildOnly));
    locale = ctx.locale;
    if (interaction.commandName === NAMES.gcp) {
      const query = interaction.options.getString(NAMES.query) ?? '';
      return textViewMessage(deps.commands.gcp(query, ctx.locale));
    }
    const command: QuizCommand =
      interaction.commandName === NAMES.quiz || interaction.commandName === NAMES.admin
        ? readQuizCommand(slashInputOf(interaction))
        : { kind: 'usage', command: 'quiz', unknown: interaction.commandName };
    const reply = await deps.commands.run(command, ctx);
    if (command.kind === 'lang') deps.locales.remember(ctx.scope, ctx.userId, command.locale);
    return replyMessage(reply);
  } catch (error) {
    const m = messagesFor(locale);
    if (isStoreUnavailable(error)) return textViewMessage(textView(m.unavailable));
    deps.log.error(
      { err: error, command: interaction.commandName, interactionId: interaction.id },
      'command failed',
    );
    return textViewMessage(textView(m.somethingWentWrong));
  }
}
