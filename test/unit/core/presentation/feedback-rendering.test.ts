import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  feedbackOutcomes,
  fingerprint,
  type Platform,
  renderFeedback,
} from '../../../support/feedback-matrix.js';

/**
 * The feedback is partly kept per round and language (only the headline and the totals change from click
 * to click); what people receive must stay byte for byte what the code sent before that cache existed.
 */
const FIXTURE = path.resolve(import.meta.dirname, '../../../fixtures/feedback-rendering.json');
const expected = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, Record<Platform, string>>;
const PLATFORMS: readonly Platform[] = ['slack', 'discord', 'console'];

function mismatches(): string[] {
  const wrong: string[] = [];
  for (const { name, outcome, locale } of feedbackOutcomes()) {
    const rendered = renderFeedback(outcome, locale);
    const platforms = PLATFORMS.filter((p) => rendered[p] !== undefined);
    if (platforms.join() !== Object.keys(expected[name] ?? {}).join()) wrong.push(`${name} (platforms)`);
    for (const platform of platforms) {
      if (fingerprint(rendered[platform] ?? '') !== expected[name]?.[platform])
        wrong.push(`${name} (${platform})`);
    }
  }
  return wrong;
}

describe('private feedback rendering', () => {
  it('covers every click of the fixture', () => {
    expect(feedbackOutcomes().map((o) => o.name)).toEqual(Object.keys(expected));
  });

  it('is what it was before caching, on a first click and on every click after it', () => {
    // The first pass fills the caches; the later ones are served from them, after other rounds and languages.
    for (let pass = 1; pass <= 3; pass++) expect(mismatches(), `pass ${pass}`).toEqual([]);
  });
});
