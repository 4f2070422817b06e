/** Slack text helpers: escaping for mrkdwn and cutting to Block Kit's limits. */

/** Slack's three control characters; everything else is literal in mrkdwn. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts to `max` characters (code points), ending with an ellipsis when cut. */
export function cut(text: string, max: number): string {
  // A string has at least as many UTF-16 units as code points: within the limit without counting them
  // (counting copies the text into an array of characters, for every section of every message).
  if (text.length <= max) return text;
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** Block Kit limits this adapter relies on (docs.slack.dev / @slack/types). */
export const SLACK_LIMITS = {
  buttonText: 75,
  actionId: 255,
  buttonValue: 2000,
  sectionText: 3000,
  blocksPerMessage: 50,
  blocksPerHomeView: 100,
  headerText: 150,
  contextText: 3000,
  /** Modals: title, submit and close texts, and the metadata the view carries back. */
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  /** Checkboxes: at most 10 options, each option's text at most 75 characters. */
  checkboxOptions: 10,
  optionText: 75,
} as const;
