import { describe, expect, it } from 'vitest';
import { parseQuizCommand } from '../../../../src/core/commands/parse-quiz-command.js';

describe('parseQuizCommand', () => {
  it.each([
    ['', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['leaderboard', { kind: 'leaderboard', period: 'week', teams: false }],
    ['leaderboard month teams', { kind: 'leaderboard', period: 'month', teams: true }],
    ['LEADERBOARD all', { kind: 'leaderboard', period: 'all', teams: false }],
    ['me', { kind: 'me' }],
    ['today', { kind: 'today' }],
    ['next', { kind: 'next' }],
    ['next monitoring', { kind: 'next', domain: 'monitoring' }],
    ['team join  ML  Ops ', { kind: 'team-join', name: 'ML Ops' }],
    ['team leave', { kind: 'team-leave' }],
    ['team list', { kind: 'team-list' }],
    ['schedule', { kind: 'schedule-show' }],
    ['schedule off', { kind: 'schedule-off' }],
    ['schedule 0 9 * * 1-5', { kind: 'schedule-set', cron: '0 9 * * 1-5' }],
    [
      'schedule 30 8 * * * America/New_York',
      { kind: 'schedule-set', cron: '30 8 * * *', timeZone: 'America/New_York' },
    ],
    ['schedule digest off', { kind: 'schedule-digest', enabled: false }],
    ['schedule extras on', { kind: 'schedule-extras', enabled: true }],
    ['schedule extras OFF', { kind: 'schedule-extras', enabled: false }],
    ['schedule domain monitoring', { kind: 'schedule-domain', domain: 'monitoring' }],
    ['schedule domain all', { kind: 'schedule-domain', domain: null }],
    ['schedule length 90', { kind: 'schedule-length', minutes: 90 }],
    ['schedule length auto', { kind: 'schedule-length', minutes: null }],
    ['post', { kind: 'post' }],
    ['lang en', { kind: 'lang', locale: 'en' }],
  ])('parses %j', (text, expected) => {
    expect(parseQuizCommand(text)).toEqual(expected);
  });

  it.each([
    ['leaderboard yesterday', 'leaderboard'],
    ['team', 'team'],
    ['team join', 'team'],
    ['team dance', 'team'],
    ['lang fr', 'lang'],
    ['lang', 'lang'],
    ['schedule 0 9 *', 'schedule'],
    ['schedule digest maybe', 'schedule'],
    ['schedule extras', 'schedule'],
    ['schedule length 2', 'schedule'],
    ['schedule length forever', 'schedule'],
    ['schedule domain', 'section'], // the reply lists the sections
    ['today please', 'today'],
    ['me please', 'me'],
  ])('answers %j with the usage of %s', (text, command) => {
    expect(parseQuizCommand(text)).toEqual({ kind: 'usage', command });
  });

  it('names an unknown subcommand', () => {
    expect(parseQuizCommand('dance now')).toEqual({ kind: 'usage', command: 'quiz', unknown: 'dance' });
  });
});
