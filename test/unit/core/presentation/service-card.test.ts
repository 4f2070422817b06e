import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../../../src/core/presentation/messages/index.js';
import { serviceCardView } from '../../../../src/core/presentation/service-views.js';
import { aService } from '../../../support/builders.js';

const card = (overrides: Parameters<typeof aService>[0], locale: 'ja' | 'en') =>
  serviceCardView(aService(overrides), 'Learning Interpretability Tool', messagesFor(locale));

describe('the /gcp service card', () => {
  it('shows the Japanese name and reading to Japanese readers only', () => {
    const jaName = { ja: { name: 'What-If ツール', reading: 'ワット イフ ツール' } };
    expect(card(jaName, 'ja').lines[0]).toBe('What-If ツール（ワット イフ ツール）');
    const en = card(jaName, 'en');
    expect(en.lines.join('\n')).not.toMatch(/[\u3040-\u30ff]/);
  });

  it('gives no reading where the name is Japanese already', () => {
    const kanji = { name: 'Batch inference', ja: { name: 'バッチ推論' } };
    expect(card(kanji, 'ja').lines[0]).toBe('バッチ推論');
  });

  it('names Preview and unmaintained services as such, with the successor', () => {
    expect(card({ status: 'preview' }, 'en').lines).toContain('Status: Preview (no GA terms yet)');
    expect(card({ status: 'unmaintained' }, 'en').lines).toContain(
      'Status: no longer actively maintained; use Learning Interpretability Tool instead',
    );
    expect(card({ status: 'unmaintained' }, 'ja').lines.join('\n')).toContain('積極的な保守は終了');
  });
});
