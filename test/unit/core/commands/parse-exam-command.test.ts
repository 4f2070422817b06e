import { describe, expect, it } from 'vitest';
import { parseQuizCommand } from '../../../../src/core/commands/parse-quiz-command.js';
import { decodeAction, encodeAction } from '../../../../src/core/presentation/action-id.js';

describe('/quiz exam ...', () => {
  it.each([
    ['exam', { do: 'start', form: 'full' }],
    ['exam sprint', { do: 'start', form: 'sprint' }],
    ['EXAM Half', { do: 'start', form: 'half' }],
    ['exam section pipelines', { do: 'start', form: 'section', section: 'pipelines' }],
    ['exam section', { do: 'choose-section' }],
    ['exam flag', { do: 'flag' }],
    ['exam back', { do: 'back' }],
    ['exam prev', { do: 'back' }],
    ['exam next', { do: 'next' }],
    ['exam go 12', { do: 'go', number: 12 }],
    ['exam answer B,D', { do: 'answer', letters: 'B,D' }],
    ['exam answer b d', { do: 'answer', letters: 'b d' }],
    ['exam submit', { do: 'submit' }],
    ['exam quit', { do: 'quit' }],
    ['exam history', { do: 'history' }],
    ['exam report', { do: 'report', page: 1 }],
    ['exam report 3', { do: 'report', page: 3 }],
  ])('%s', (text, action) => {
    expect(parseQuizCommand(text)).toEqual({ kind: 'exam', action });
  });

  it.each([
    'exam marathon',
    'exam sprint now',
    'exam go',
    'exam go 0',
    'exam go two',
    'exam report 0',
    'exam flag 3',
    'exam answer',
    'exam section a b',
  ])('%s: the usage', (text) => {
    expect(parseQuizCommand(text)).toEqual({ kind: 'exam', action: { do: 'usage' } });
  });
});

describe('exam button actions', () => {
  it('round-trip, and anything forged or out of shape decodes to null', () => {
    const actions = [
      { kind: 'exam-answer', examId: 'Zx9_-Zx9_-Zx', index: 49, choice: 'E' },
      { kind: 'exam-flag', examId: 'abc', index: 0 },
      { kind: 'exam-go', examId: 'abc', index: 7 },
      { kind: 'exam-submit', examId: 'abc' },
      { kind: 'exam-report', page: 2 },
    ] as const;
    for (const action of actions) expect(decodeAction(encodeAction(action))).toEqual(action);
    for (const forged of [
      'xa:abc:1:F',
      'xa:abc:01:A',
      'xa:abc:-1:A',
      'xa:a b:1:A',
      'xf:abc',
      'xs:abc:1',
      'xr:0',
      'xg:abc:1:2',
    ]) {
      expect(decodeAction(forged)).toBeNull();
    }
  });
});
