import type { Platform } from '../model/model.js';
import type { TextView } from '../ports/views.js';
import { type CommandEntry, commandsOn, typedAs } from './command-table.js';
import type { Messages } from './messages/index.js';
import { textView } from './views.js';

/** One help line: the command as typed on the platform, its arguments, what it does. */
export function helpLine(entry: CommandEntry, platform: Platform, m: Messages): string {
  const { args, text } = m.commands[entry.id];
  return `${typedAs(entry, platform)}${args ? ` ${args}` : ''} — ${text}`;
}

/**
 * The help of a platform (`/quiz help`, and `/help` in the console), generated from the command table:
 * how to answer there, the commands it offers, admin ones apart on the chat platforms (in the console the
 * person at the terminal is the admin), and the scoring rule.
 */
export function helpView(platform: Platform, m: Messages): TextView {
  const offered = commandsOn(platform);
  const admin = platform !== 'console';
  const everyone = offered.filter((c) => !(admin && c.admin)).map((c) => helpLine(c, platform, m));
  const admins = offered.filter((c) => admin && c.admin).map((c) => helpLine(c, platform, m));
  const lines = [
    platform === 'console' ? m.helpAnswerTyped : m.helpAnswerButtons,
    '',
    ...everyone,
    '',
    m.helpScoring,
  ];
  if (platform === 'console') lines.push(m.helpQuit);
  return textView(m.helpTitle, lines, {
    sections: admins.length > 0 ? [{ title: m.helpAdminsTitle, body: admins.join('\n') }] : [],
  });
}
