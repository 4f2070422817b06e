import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConsolePlatform } from '../../src/adapters/console/console-platform.js';
import { runConsoleSession } from '../../src/adapters/console/console-session.js';
import { MemoryQuizStore } from '../../src/adapters/memory/memory-quiz-store.js';
import { MemorySubscriptionStore } from '../../src/adapters/memory/memory-subscription-store.js';
import { buildApp } from '../../src/app/app.js';
import type { Locale } from '../../src/core/model/model.js';
import { silentLogger } from '../../src/core/ports/logger.js';
import { aBank, aCatalog, ManualClock, someQuestions } from '../support/builders.js';
import { consoleEnv, runEntryPoint } from '../support/run-entry-point.js';

const DAY = 86_400_000;

/**
 * Console sessions on one store and a clock the test sets (2026-11-27 09:00 in Tokyo, the bot's zone), run
 * by the console adapter's own session loop as `npm start` runs it.
 */
function consoleOn(locale: Locale = 'en') {
  const clock = new ManualClock(Date.parse('2026-11-27T00:00:00Z'));
  const bank = aBank(someQuestions(5));
  const app = buildApp({
    bank,
    catalog: aCatalog(),
    store: new MemoryQuizStore(),
    subscriptions: new MemorySubscriptionStore(),
    clock,
    log: silentLogger,
    quiz: { timeZone: 'Asia/Tokyo', cron: '0 9 * * 1-5', locale, adminUserIds: [], questionsDir: '' },
    channelLocale: locale,
  });
  const run = async (lines: string[]): Promise<string> => {
    let output = '';
    const write = (text: string): void => {
      output += text;
    };
    const platform = new ConsolePlatform(write, bank, 'Asia/Tokyo', locale);
    app.platforms.set('console', platform);
    const input = new PassThrough();
    input.end(`${lines.join('\n')}\n`);
    await runConsoleSession({
      commands: app.commands,
      publisher: app.publisher,
      platform,
      input,
      write,
      defaultLocale: locale,
      displayName: 'tester',
    });
    return output.replace(/\s+/g, ' ');
  };
  return { clock, run };
}

describe('console: /quiz exam-date', () => {
  it('refuses bad dates with the reason, stores a good one, counts the days down in me and ready, clears it', async () => {
    const { clock, run } = consoleOn();
    const out = await run([
      '/quiz exam-date 2026/12/07',
      '/quiz exam-date 2027-02-30',
      '/quiz exam-date 2026-11-26',
      '/quiz exam-date 2028-11-28',
      '/quiz exam-date',
      '/quiz me',
      '/quiz exam-date 2026-12-07',
      '/quiz me',
      '/quiz ready',
    ]);
    expect(out).toContain('"2026/12/07" is not a date. Write it as YYYY-MM-DD');
    expect(out).toContain('There is no day 2027-02-30 in the calendar.');
    expect(out).toContain('2026-11-26 has already passed (today is 2026-11-27).');
    expect(out).toContain('2028-11-28 is more than 2 years ahead (the latest date accepted is 2028-11-27).');
    expect(out).toContain('Usage: /quiz exam-date <YYYY-MM-DD> | /quiz exam-date off');
    expect(out).toContain('Exam date set: 2026-12-07 (10 days left).');
    // Refused dates stored nothing: the first /quiz me has no exam line, the later ones have it.
    const [beforeSet, afterSet] = out.split('Exam date set:');
    expect(beforeSet).not.toContain('Exam: ');
    expect(afterSet?.match(/Exam: 2026-12-07, 10 days left · reviews now focus on the exam/g)).toHaveLength(
      2,
    );

    clock.advance(DAY); // local midnight has passed: one day less
    const next = await run(['/quiz me', '/quiz exam-date off', '/quiz me', '/quiz exam-date off']);
    expect(next).toContain('Exam: 2026-12-07, 9 days left');
    expect(next).toContain('Exam date cleared.');
    expect(next.split('Exam date cleared.')[1]).not.toContain('Exam: ');
    expect(next).toContain('You had no exam date set.');
  });

  it('says so on the day and after it, and speaks Japanese', async () => {
    const { clock, run } = consoleOn('ja');
    const set = await run(['/quiz exam-date 2026-12-31', '/quiz me']);
    expect(set).toContain('試験日を 2026-12-31 に設定しました（あと 34 日）');
    expect(set).toContain('試験日: 2026-12-31（あと 34 日）');
    clock.set(Date.parse('2026-12-30T15:00:00Z')); // 00:00 on the 31st in Tokyo
    expect(await run(['/quiz ready'])).toContain('試験日: 今日（2026-12-31）');
    clock.advance(DAY);
    expect(await run(['/quiz me'])).toContain('試験日 2026-12-31 は過ぎました');
  });

  it('lists the command in the help', async () => {
    const { run } = consoleOn();
    expect(await run(['/help'])).toContain('/quiz exam-date <YYYY-MM-DD>|off');
  });
});

describe('console: /quiz exam-date through the real entry point', () => {
  it('explains a malformed date, refuses one long past, and clears nothing there is to clear', async () => {
    // No date here depends on today's: 1999 is past whenever the test runs.
    const result = await runEntryPoint(
      '/quiz exam-date next-friday\n/quiz exam-date 1999-12-31\n/quiz exam-date off\n',
      consoleEnv({ QUIZ_LOCALE: 'en' }),
    );
    expect(result.code).toBe(0);
    const out = result.stdout.replace(/\s+/g, ' ');
    expect(out).toContain('"next-friday" is not a date. Write it as YYYY-MM-DD');
    expect(out).toContain('1999-12-31 has already passed');
    expect(out).toContain('You had no exam date set.');
  });
});
