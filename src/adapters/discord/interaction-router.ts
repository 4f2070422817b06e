import { type Interaction, MessageFlags } from 'discord.js';
import { decodeAction } from '../../core/presentation/action-id.js';
import { messagesFor } from '../../core/presentation/messages/index.js';
import { SeenRecently } from '../../core/runtime/seen-recently.js';
import { handleAutocomplete } from './handle-autocomplete.js';
import { handleButton } from './handle-button.js';
import { handleSelect } from './handle-select.js';
import { handleSlashCommand } from './handle-slash-command.js';
import type { HandlerDeps } from './handler-deps.js';
import { fallbackLocale } from './interaction-context.js';
import { handleReportModal } from './report-modal.js';

/**
 * The one `interactionCreate` listener: drops redelivered interactions, sends each kind to its handler,
 * and keeps any failure inside (a rejected listener would surface as an unhandled rejection).
 */
export function createInteractionRouter(deps: HandlerDeps): (interaction: Interaction) => Promise<void> {
  // An interaction token lives 15 minutes; nothing is redelivered after that.
  const dedupe = new SeenRecently(15 * 60_000);
  return async (interaction) => {
    if (!dedupe.firstTime(interaction.id)) {
      deps.log.debug({ interactionId: interaction.id }, 'duplicate interaction dropped');
      return;
    }
    try {
      if (interaction.isAutocomplete()) await handleAutocomplete(interaction, deps);
      else if (interaction.isChatInputCommand()) await handleSlashCommand(interaction, deps);
      else if (interaction.isButton()) await handleButton(interaction, deps);
      else if (interaction.isStringSelectMenu()) await handleSelect(interaction, deps);
      else if (interaction.isModalSubmit()) {
        const action = decodeAction(interaction.customId);
        if (action?.kind === 'report') await handleReportModal(interaction, action.questionId, deps);
      }
    } catch (error) {
      // Handlers reply to their own failures; this is what escaped them (a failed reply, a bug).
      deps.log.error(
        { err: error, interactionId: interaction.id, type: interaction.type },
        'interaction failed',
      );
      await tellSomethingWentWrong(interaction, deps).catch(() => {});
    }
  };
}

/** A private "something went wrong, try again" when the interaction can still be answered. */
async function tellSomethingWentWrong(interaction: Interaction, deps: HandlerDeps): Promise<void> {
  if (!interaction.isChatInputCommand() && !interaction.isButton()) return;
  const content = messagesFor(fallbackLocale(interaction, deps)).somethingWentWrong;
  if (interaction.deferred) await interaction.editReply({ content });
  else if (!interaction.replied) await interaction.reply({ content, flags: MessageFlags.Ephemeral });
}
