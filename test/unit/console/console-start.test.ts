import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConsolePlatform } from '../../../src/adapters/console/console-platform.js';
import { runConsoleSession } from '../../../src/adapters/console/console-session.js';
import { MemoryQuizStore } from '../../../src/adapters/memory/memory-quiz-store.js';
import { MemorySubscriptionStore } from '../../../src/adapters/memory/memory-subscription-store.js';
import { buildApp } from '../../../src/app/app.js';
import { silentLogger } from '../../../src/core/ports/logger.js';
import { aBank, aCatalog, ManualClock, someQuestions } from '../../support/builders.js';

/** Console sessions on one store and clock, as runs of the bot on one Redis are. */
function sessions(displayName = 'tester') {
  const clock = new ManualClock();
  const store = new MemoryQuizStore();
  const bank = aBank(someQuestions(5));
  const app = buildApp({
    bank,
    catalog: aCatalog(),
    store,
    subscriptions: new MemorySubscriptionStore(),
    clock,
    log: silentLogger,
    quiz: { timeZone: 'Asia/Tokyo', cron: '0 9 * * 1-5', locale: 'en', adminUserIds: [], questionsDir: '' },
    channelLocale: 'en',
  });
  const run = async (typed: string): Promise<string> => {
    let output = '';
    const write = (text: string): void => {
      output += text;
    };
    const platform = new ConsolePlatform(write, bank, 'Asia/Tokyo', 'en');
    app.platforms.set('console', platform);
    const input = new PassThrough();
    input.end(typed);
    await runConsoleSession({
      commands: app.commands,
      publisher: app.publisher,
      platform,
      input,
      write,
      defaultLocale: 'en',
      displayName,
    });
    return output;
  };
  return { clock, run };
}

describe('console start', () => {
  it('shows the open round again; posts a new one only once it has closed by time (revealing it)', async () => {
    const { clock, run } = sessions();
    const first = await run('');
    expect(first).toContain("Today's PMLE question");
    expect(first).toContain('Type 1-4 (or A-D) to answer');

    clock.advance(60 * 60_000);
    const again = await run('');
    expect(again).not.toContain('Answer revealed');
    expect(again).toContain('Open: you have not answered it yet.');

    clock.advance(24 * 60 * 60_000); // a daily round lasts 24 hours at most
    const later = await run('');
    expect(later).toContain('Answer revealed');
    expect(later).toContain('0 people answered');
    expect(later.slice(later.indexOf('Answer revealed'))).toContain("Today's PMLE question");
    expect(later).not.toContain('Open: you have not answered it yet.');
  });

  it('names a player who has no name a console player, never "(no name)"', async () => {
    const { run } = sessions('');
    const out = await run('1\n/quiz me\n/quiz leaderboard\n');
    expect(out).toContain('Stats for console player');
    expect(out).not.toContain('(no name)');
  });
});
