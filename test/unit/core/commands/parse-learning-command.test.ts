import { describe, expect, it } from 'vitest';
import { parseQuizCommand } from '../../../../src/core/commands/parse-quiz-command.js';

describe('parsing the learning subcommands of /quiz', () => {
  it.each([
    ['review', { kind: 'review' }],
    ['review OFF', { kind: 'review-set', enabled: false }],
    ['review on', { kind: 'review-set', enabled: true }],
    ['review later', { kind: 'usage', command: 'review' }],
    ['ready', { kind: 'ready', team: false }],
    ['ready team', { kind: 'ready', team: true }],
    ['ready now', { kind: 'usage', command: 'ready' }],
    ['exam-date 2027-03-01', { kind: 'exam-date', value: '2027-03-01' }],
    ['exam-date OFF', { kind: 'exam-date', value: 'OFF' }],
    ['exam-date 1st-of-march', { kind: 'exam-date', value: '1st-of-march' }],
    ['exam-date', { kind: 'usage', command: 'exam-date' }],
    ['exam-date 2027 03 01', { kind: 'usage', command: 'exam-date' }],
    ['report ambiguous B and C both fit', { kind: 'report', reason: 'ambiguous', text: 'B and C both fit' }],
    ['report wrong-key', { kind: 'report', reason: 'wrong-key', text: '' }],
    ['report typo', { kind: 'usage', command: 'report' }],
    ['report', { kind: 'usage', command: 'report' }],
    ['guessed', { kind: 'guessed' }],
    ['reports', { kind: 'reports' }],
    ['reports dismiss s1-x', { kind: 'reports-dismiss', questionId: 's1-x' }],
    ['reports dismiss', { kind: 'usage', command: 'reports' }],
    ['restore s1-x', { kind: 'restore', questionId: 's1-x' }],
    ['restore', { kind: 'usage', command: 'restore' }],
    ['question s1-x', { kind: 'question', questionId: 's1-x' }],
  ])('/quiz %s', (text, expected) => {
    expect(parseQuizCommand(text)).toEqual(expected);
  });
});
