import { describe, expect, it } from 'vitest';
import { neutralize } from '../../../../src/core/model/safe-text.js';
import { en } from '../../../../src/core/presentation/messages/en.js';
import { teamListView } from '../../../../src/core/presentation/views.js';

/** What a name may not do wherever it is shown: link, mention, format, or start a heading. */
function expectInert(shown: string): void {
  expect(shown, 'masked link').not.toMatch(/\]\(/);
  expect(shown, 'bare URL').not.toMatch(/\w:\/\//);
  expect(shown, 'code fence').not.toContain('```');
  expect(shown, 'heading').not.toMatch(/^\s*-?#+\s/);
  expect(shown, 'Slack link or mention').not.toMatch(/<[^>]*>/);
  expect(shown, 'Discord mention').not.toMatch(/<@|@everyone|@here/);
}

describe('names are inert on Discord and Slack', () => {
  it.each([
    '[Win](https://ev.il)',
    '[Win](<https://ev.il>)',
    '# Big heading',
    '## Team',
    '-# small print',
    '> quoted',
    '```js\nalert(1)\n```',
    '<@123456789012345678> hi',
    '<@&123456789> role',
    '@everyone come',
    '<https://ev.il|Win>',
    '<!channel> all',
    'https://ev.il/login',
    'visit www.ev.il',
  ])('%j', (name) => {
    const shown = neutralize(name);
    expectInert(shown);
    expect(neutralize(shown), 'neutralising twice changes nothing').toBe(shown);
  });

  it('keeps ordinary names as they are', () => {
    for (const name of ['ML Ops', 'Team (Tokyo)', 'データ基盤', 'R&D', 'Dr. Who', 'C#']) {
      expect(neutralize(name)).toBe(name);
    }
  });

  it('neutralises names stored before the rules existed, at display', () => {
    const view = teamListView([{ id: 'x', name: '[Win](https://ev.il)', memberCount: 2 }], en);
    for (const line of view.lines) expectInert(line);
    expect(view.lines.join('\n')).toContain('Win');
  });
});
