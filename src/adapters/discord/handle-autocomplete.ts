import type { AutocompleteInteraction } from 'discord.js';
import type { ServiceEntry } from '../../core/ports/service-catalog.js';
import { NAMES } from './commands/command-definitions.js';
import type { HandlerDeps } from './handler-deps.js';
import { cut, LIMITS } from './render/discord-limits.js';

/**
 * `/gcp query` suggestions while the person types. Autocomplete cannot be deferred, so it answers at once
 * from the in-memory catalog (no store call). The value is the service id, which `/gcp` accepts too.
 */
export async function handleAutocomplete(
  interaction: AutocompleteInteraction,
  deps: HandlerDeps,
): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (interaction.commandName !== NAMES.gcp || focused.name !== NAMES.query) {
    await interaction.respond([]);
    return;
  }
  const services = deps.commands.engine.suggestServices(String(focused.value), LIMITS.autocompleteChoices);
  await interaction.respond(
    services
      .filter((s) => s.id.length <= LIMITS.choiceValue)
      .slice(0, LIMITS.autocompleteChoices)
      .map((s) => ({ name: cut(suggestionName(s), LIMITS.choiceName), value: s.id })),
  );
}

/** "Vertex AI Feature Store (Vertex AI 特徴量ストア)": both names, so either language finds it at a glance. */
function suggestionName(service: ServiceEntry): string {
  return service.ja.name && service.ja.name !== service.name
    ? `${service.name} (${service.ja.name})`
    : service.name;
}
