import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../../src/adapters/console/render-text.js';
import { wrapText } from '../../../src/adapters/console/wrap.js';
import { messagesFor } from '../../../src/core/presentation/messages/index.js';
import { serviceChoicesView } from '../../../src/core/presentation/service-views.js';
import { aService } from '../../support/builders.js';

describe('wrapText', () => {
  it('never breaks an English word and keeps every line within the width', () => {
    const text =
      'Enable Vertex AI Model Monitoring on the endpoint with a training-serving skew objective on the top features.';
    const lines = wrapText(text, 30).split('\n');
    expect(lines.every((l) => stringWidth(l) <= 30)).toBe(true);
    const words = text.split(' ');
    expect(lines.join(' ').split(' ')).toEqual(words);
  });

  it('counts a kanji as two columns and never starts a line with closing punctuation', () => {
    const text =
      '既存のエンドポイントに新しいモデルをトラフィック 10% でデプロイし、1 週間かけて両バージョンのオンライン指標を比較します。「家具」「衣類」（テスト）どうすればよいですか？';
    for (const width of [20, 21, 22, 23, 24, 25, 30, 31]) {
      const lines = wrapText(text, width).split('\n');
      expect(
        lines.every((l) => stringWidth(l) <= width),
        `width ${width}`,
      ).toBe(true);
      expect(
        lines.filter((l) => /^[、。」』）！？]/.test(l)),
        `width ${width}`,
      ).toEqual([]);
      expect(
        lines.filter((l) => /[「『（]$/.test(l)),
        `width ${width}`,
      ).toEqual([]);
      expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    }
  });

  it('breaks Latin text only at spaces: a time zone, a hyphenated word or a URL stays whole', () => {
    const text = 'closes Dec 1, 01:15 PM GMT+9 after request-response logging https://cloud.google.com/x';
    for (let width = 12; width <= 40; width++) {
      const lines = wrapText(text, width).split('\n');
      expect(
        lines.filter((l) => /GMT\+$|^\+9|request-$|^response/.test(l)),
        `width ${width}`,
      ).toEqual([]);
    }
  });

  it('indents continuation lines under a list item', () => {
    expect(wrapText('  A. one two three four five six', 16, '     ')).toBe(
      '  A. one two\n     three four\n     five six',
    );
  });
});

describe('renderText', () => {
  it('offers buttons as the commands the console accepts', () => {
    const m = messagesFor('en');
    const view = serviceChoicesView(m.gcpAmbiguous('data'), [
      aService(),
      aService({ id: 'pubsub', name: 'Pub/Sub' }),
    ]);
    const out = renderText(view, { width: 80, locale: 'en' });
    expect(out).toContain('/gcp dataflow');
    expect(out).toContain('/gcp pubsub');
    expect(out).not.toContain('•');
  });
});
