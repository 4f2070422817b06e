import type { Interaction } from 'discord.js';
import { decodeAction } from '../../core/action-id.js';
import { SeenRecently } from '../../core/seen-recently.js';
import { handleAutocomplete } from './handle-autocomplete.js';
import { handleButton } from './handle-button.js';
import { handleSelect } from './handle-select.js';
import { handleSlashCommand } from './handle-slash-command.js';
import type { HandlerDeps } from './handler-deps.js';
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
      // Reached only when Discord itself refused (an expired token, a network failure): nobody to tell.
      deps.log.error(
        { err: error, interactionId: interaction.id, type: interaction.type },
        'interaction failed',
      );
    }
  };
}
