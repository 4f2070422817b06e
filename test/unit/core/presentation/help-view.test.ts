import { describe, expect, it } from 'vitest';
import type { Platform } from '../../../../src/core/model/model.js';
import { COMMAND_IDS, COMMAND_TABLE } from '../../../../src/core/presentation/command-table.js';
import { helpView } from '../../../../src/core/presentation/help-view.js';
import { messagesFor } from '../../../../src/core/presentation/messages/index.js';

const textOf = (platform: Platform, locale: 'ja' | 'en' = 'en'): string => {
  const view = helpView(platform, messagesFor(locale));
  return [view.title, ...view.lines, ...view.sections.flatMap((s) => [s.title, s.body])].join('\n');
};

describe('the help, one per platform, from the one command table', () => {
  it('has one table row per command id, and words for each in both languages', () => {
    expect(COMMAND_TABLE.map((c) => c.id)).toEqual([...COMMAND_IDS]);
    for (const locale of ['ja', 'en'] as const) {
      for (const id of COMMAND_IDS) expect(messagesFor(locale).commands[id].text).not.toBe('');
    }
  });

  it('console: every command inline (the person at the terminal is the admin), typed answers, no buttons', () => {
    const help = textOf('console');
    for (const command of [
      '/quiz today',
      '/practice <service>',
      '/quiz guessed',
      '/quiz lang ja|en',
      '/quiz post',
    ]) {
      expect(help).toContain(command);
    }
    expect(help).not.toMatch(/button|press|Admins|\/quiz schedule <cron>/i);
    expect(textOf('console', 'ja')).not.toMatch(/ボタン|押/);
  });

  it('Slack: buttons, admin actions apart, nothing console-only', () => {
    const view = helpView('slack', messagesFor('en'));
    expect(view.lines.join('\n')).toContain('/quiz guessed');
    expect(view.lines.join('\n')).not.toMatch(/\/quiz post|\/quiz today|\/practice|Ctrl-C/);
    expect(view.sections[0]?.body).toContain('/quiz schedule <cron> [time zone]');
    expect(view.sections[0]?.body).toContain('/quiz post [section]');
  });

  it('Discord: admin actions under /quiz-admin, no typed-only commands', () => {
    const help = textOf('discord');
    expect(help).toContain('/quiz-admin post [section]');
    expect(help).toContain('/quiz-admin reports');
    expect(help).not.toMatch(/\/quiz guessed|\/quiz today|\/practice|\/quiz schedule <cron>/);
  });
});
