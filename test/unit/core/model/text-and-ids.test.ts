import { describe, expect, it } from 'vitest';
import { neutralize } from '../../../../src/core/model/safe-text.js';
import { checkTeamName } from '../../../../src/core/model/teams.js';
import { decodeAction, encodeAction } from '../../../../src/core/presentation/action-id.js';

describe('neutralize', () => {
  it.each([
    ['<!channel> hi', 'hi'],
    ['<!here|here> team', 'team'],
    ['<@U123ABC> rocks', 'rocks'],
    ['<#C123|general>', ''],
    ['<@&12345> role', 'role'],
    ['@everyone look', '@\u200beveryone look'],
    ['@here now', '@\u200bhere now'],
    ['*bold* _it_ ~s~ `code` ||spoiler||', 'bold it s code spoiler'],
    ['a\nb\tc', 'a b c'],
    ['ＭＬ　Ｏｐｓ', 'ML Ops'],
  ])('makes %j safe', (input, expected) => {
    expect(neutralize(input)).toBe(expected);
  });

  it.each([
    ['jane.doe-2', 'jane.doe-2'],
    ['www.example', 'www\u200b.example'],
    ['Www.Example', 'Www\u200b.Example'],
    ['jane_doe', 'janedoe'],
    ['-x', '-x'],
    ['-#x', 'x'],
    ['http://x', 'http:\u200b//x'],
  ])('leaves plain names alone and still rewrites near misses: %j', (input, expected) => {
    expect(neutralize(input)).toBe(expected);
  });

  it('cuts long input', () => {
    expect(neutralize('x'.repeat(64), 64)).toBe('x'.repeat(64));
    expect(neutralize('x'.repeat(65), 64)).toBe(`${'x'.repeat(63)}…`);
    expect(neutralize('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('checkTeamName', () => {
  it('case-folds the id and keeps the safe name', () => {
    expect(checkTeamName('  ML Ops <!channel> ')).toEqual({ ok: true, id: 'ml ops', name: 'ML Ops' });
  });
  it('refuses empty and over-long names', () => {
    expect(checkTeamName('<@U1>')).toEqual({ ok: false, reason: 'empty' });
    expect(checkTeamName('x'.repeat(33))).toEqual({ ok: false, reason: 'too-long' });
    expect(checkTeamName('あ'.repeat(32)).ok).toBe(true);
  });
});

describe('button actions', () => {
  it('round-trips every kind within 100 characters', () => {
    for (const action of [
      { kind: 'answer', roundId: 'AbC_12-xyz', choice: 'D' },
      { kind: 'practice', serviceId: 'bigquery-ml' },
      { kind: 'lookup', serviceId: 'dataflow' },
    ] as const) {
      const encoded = encodeAction(action);
      expect(encoded.length).toBeLessThanOrEqual(100);
      expect(decodeAction(encoded)).toEqual(action);
    }
  });
  it.each(['', 'ans:r1', 'ans:r1:Z', 'ans:r1:A:extra', 'zzz:r1', 'ans:../x:A', 'prc:a:b'])(
    'rejects %j',
    (raw) => {
      expect(decodeAction(raw)).toBeNull();
    },
  );
});
