import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, loadContent } from '../../../src/adapters/questions/load-content.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
const made: string[] = [];

/** The valid fixture bank plus one broken question file, in a temp folder named `questions`. */
function bankWith(broken?: string): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'bank-')), 'questions');
  made.push(path.dirname(dir));
  cpSync(path.join(FIXTURES, 'bank-valid'), dir, { recursive: true });
  if (broken) cpSync(path.join(FIXTURES, 'broken', `${broken}.yaml`), path.join(dir, '9-broken.yaml'));
  return dir;
}

function problemsOf(dir: string): string {
  try {
    loadContent(dir);
  } catch (error) {
    if (error instanceof ContentError) return error.message;
    throw error;
  }
  throw new Error('expected a ContentError');
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadContent', () => {
  it('loads a valid bank', () => {
    const content = loadContent(bankWith());
    expect(content.questions.map((q) => q.id)).toEqual(['s1-sample-bqml']);
    expect(content.services.map((s) => s.id)).toEqual(['bigquery-ml']);
  });

  it.each([
    [
      'duplicate-id',
      /questions\/9-broken\.yaml: id "s1-sample-bqml": field id: duplicate id \(also in questions\/1-sample\.yaml\)/,
    ],
    ['unknown-answer', /id "s1-broken": field answer: "C" is not a choice key \(A, B\)/],
    ['missing-ja', /id "s1-broken": field stem\.ja: is missing/],
    ['long-choice', /id "s1-broken": field choices\.0\.text\.en: must be at most 300 characters/],
    ['one-choice', /id "s1-broken": field choices: needs at least 2 choices/],
    ['six-choices', /id "s1-broken": field choices: allows at most 5 choices/],
    ['multi-one', /id "s1-broken": field answer: a multiple-select answer lists 2 or 3 keys/],
    ['multi-repeat', /id "s1-broken": field answer: lists the same key twice/],
    ['multi-unknown-key', /id "s1-broken": field answer: "F" is not a choice key \(A, B, C\)/],
    ['multi-all-right', /id "s1-broken": field answer: at least one choice must be wrong/],
    ['bad-replaces', /id "s1-broken": field replaces: replaces names a question id/],
    ['empty-explanation', /id "s1-broken": field explanation\.ja: must not be empty/],
    ['unknown-domain', /id "s1-broken": field domain: unknown domain "astrology"/],
    ['unknown-service', /id "s1-broken": field services\.0: unknown service "cloud-teleporter"/],
    ['yaml-syntax', /questions\/9-broken\.yaml:\d+:\d+: YAML: /],
  ])('names the file, id and field of %s', (fixture, expected) => {
    expect(problemsOf(bankWith(fixture))).toMatch(expected);
  });
});
