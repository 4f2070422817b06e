import type { APIEmbed } from 'discord.js';
import { cut, LIMITS } from './discord-limits.js';

/** Embed colours: Google blue for questions, green for answers and right ones, red for wrong ones. */
export const COLOR = {
  question: 0x4285f4,
  practice: 0x8ab4f8,
  reveal: 0x34a853,
  correct: 0x34a853,
  incorrect: 0xea4335,
  info: 0x5f6368,
} as const;

/** Characters an embed counts towards the 6000 per message. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/**
 * Makes an embed valid whatever the text: each part cut to its own limit, then the description shortened
 * until the whole fits the per-message total. Empty parts are dropped (Discord rejects empty strings).
 */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = { ...embed };
  if (fitted.title !== undefined) fitted.title = cut(fitted.title, LIMITS.embedTitle) || undefined;
  if (fitted.description !== undefined)
    fitted.description = cut(fitted.description, LIMITS.embedDescription) || undefined;
  if (fitted.footer) fitted.footer = { ...fitted.footer, text: cut(fitted.footer.text, LIMITS.footerText) };
  if (fitted.fields) {
    fitted.fields = fitted.fields.slice(0, LIMITS.embedFields).map((f) => ({
      ...f,
      name: cut(f.name, LIMITS.fieldName) || '\u200b',
      value: cut(f.value, LIMITS.fieldValue) || '\u200b',
    }));
  }
  const excess = embedLength(fitted) - LIMITS.embedTotal;
  if (excess > 0 && fitted.description) {
    fitted.description = cut(fitted.description, Math.max(1, fitted.description.length - excess));
  }
  // Only reachable with many huge sections: drop trailing fields until the total fits.
  while (embedLength(fitted) > LIMITS.embedTotal && fitted.fields && fitted.fields.length > 0) {
    fitted.fields = fitted.fields.slice(0, -1);
  }
  for (const key of ['title', 'description'] as const) if (fitted[key] === undefined) delete fitted[key];
  return fitted;
}

/** Bold for Discord markdown; the text is ours (messages, question content), not user input. */
export function bold(text: string): string {
  return `**${text}**`;
}
