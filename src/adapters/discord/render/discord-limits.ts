/**
 * Discord's documented size limits for what the bot sends. Exceeding any of them makes Discord reject the
 * whole message with a 400, so every renderer cuts to these first.
 */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  /** The sum of every title, description, field, footer and author text of all embeds in one message. */
  embedTotal: 6000,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  linkUrl: 512,
  choiceName: 100,
  choiceValue: 100,
  autocompleteChoices: 25,
  /** String selects: options, and each option's label and value; the placeholder. */
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionValue: 100,
  selectPlaceholder: 150,
} as const;

const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `max` UTF-16 units (the unit Discord's limits are safest read in), ending in "…"
 * when it had to cut. Never splits a surrogate pair, so an emoji or a rare kanji stays whole.
 */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - ELLIPSIS.length) break;
    out += char;
  }
  return `${out.trimEnd()}${ELLIPSIS}`;
}
