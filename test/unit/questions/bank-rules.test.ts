import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lengthBands, lengthCues } from '../../../src/adapters/questions/bank-rules/choice-lengths.js';
import type { RuledQuestion } from '../../../src/adapters/questions/bank-rules/item-shape.js';
import { jaProductTerms } from '../../../src/adapters/questions/bank-rules/ja-product-terms.js';
import { pickCountMismatches } from '../../../src/adapters/questions/bank-rules/pick-count-wording.js';
import { namesIn, unresolvedNames } from '../../../src/adapters/questions/bank-rules/product-names.js';
import { rewrittenSections } from '../../../src/adapters/questions/bank-rules/rewritten-sections.js';
import {
  englishWords,
  scenarioStemWords,
} from '../../../src/adapters/questions/bank-rules/scenario-stem-words.js';
import { contentWords, stemCues } from '../../../src/adapters/questions/bank-rules/stem-cues.js';
import type { ServiceRecord } from '../../../src/adapters/questions/schema.js';

function question(overrides: Partial<RuledQuestion> & Pick<RuledQuestion, 'choices'>): RuledQuestion {
  return {
    id: 'q',
    file: 'questions/1.yaml',
    domain: 'low-code-ai',
    style: 'scenario',
    tags: [],
    sources: ['F1'],
    stem: { ja: '質問', en: 'Question' },
    answer: 'A',
    ...overrides,
  };
}

const choice = (key: string, en: string, ja = en) => ({ key, text: { en, ja } });

describe('length cues', () => {
  it('counts a right choice strictly longer than every wrong one, and a tie as no cue', () => {
    const longest = question({ id: 'longest', choices: [choice('A', 'aaaaaa'), choice('B', 'bbbbb')] });
    const tie = question({ id: 'tie', choices: [choice('A', 'aaaaa'), choice('B', 'bbbbb')] });
    expect(lengthCues([longest, tie], 'en').longestIsRight).toEqual(['longest']);
  });

  it('measures Japanese by display width: full-width characters count 2', () => {
    // 4 full-width characters (width 8) against 6 half-width ones: longer on screen, shorter in code points.
    const q = question({ choices: [choice('A', 'x', '全角文字'), choice('B', 'y', 'abcdef')] });
    expect(lengthCues([q], 'ja').longestIsRight).toEqual(['q']);
    expect(lengthCues([q], 'en').longestIsRight).toEqual([]);
  });

  it('flags a right choice 1.5 times the mean wrong one, and leaves out multiple select', () => {
    const much = question({
      id: 'much',
      choices: [choice('A', 'x'.repeat(15)), choice('B', 'x'.repeat(10)), choice('C', 'x'.repeat(10))],
    });
    const under = question({
      id: 'under',
      choices: [choice('A', 'x'.repeat(14)), choice('B', 'x'.repeat(10)), choice('C', 'x'.repeat(10))],
    });
    const multi = question({ id: 'multi', answer: ['A', 'B'], choices: much.choices });
    const cues = lengthCues([much, under, multi], 'en');
    expect(cues.muchLonger).toEqual(['much']);
    expect(cues.measured).toBe(2);
  });
});

describe('stem cues', () => {
  it('finds a content word the stem shares with the right choice only', () => {
    const q = question({
      stem: { ja: 'ストリーミング データを処理します。', en: 'The team must process streaming events.' },
      choices: [
        choice('A', 'Process the streams with Dataflow'),
        choice('B', 'Load a BigQuery table nightly'),
      ],
    });
    expect(stemCues([q], 'en')).toEqual([{ id: 'q', words: ['process', 'stream'] }]);
  });

  it('ignores a word a wrong choice repeats too, and function words', () => {
    const q = question({
      stem: { ja: '質問', en: 'Which of these should the team choose for streaming?' },
      choices: [choice('A', 'Dataflow for streaming'), choice('B', 'Pub/Sub for streaming')],
    });
    expect(stemCues([q], 'en')).toEqual([]);
  });

  it('ignores the common vocabulary of the bank: a word found in many questions is no cue', () => {
    const cued = (id: string) =>
      question({
        id,
        stem: { ja: 'x', en: 'The radiologists must train a classifier.' },
        choices: [choice('A', 'Ask radiologists to train it'), choice('B', 'Buy labels')],
      });
    const others = Array.from({ length: 10 }, (_, i) =>
      question({
        id: `o${i}`,
        stem: { ja: 'x', en: 'They train nightly.' },
        choices: [choice('A', 'Dataflow'), choice('B', 'Spark')],
      }),
    );
    expect(stemCues([cued('q'), ...others], 'en')).toEqual([{ id: 'q', words: ['radiologist'] }]);
  });

  it('reads Japanese words with the segmenter: kanji and katakana runs count', () => {
    const q = question({
      stem: { ja: '通話の録音を文字起こしします。', en: 'x' },
      choices: [
        choice('A', 'a', 'Speech-to-Text で録音を文字起こしする'),
        choice('B', 'b', 'Text-to-Speech で読み上げる'),
      ],
    });
    expect(stemCues([q], 'ja')[0]?.words).toContain('録音');
  });
});

describe('product names', () => {
  const services = [
    {
      id: 'cloud-storage',
      name: 'Cloud Storage',
      formerNames: [],
      aliases: ['gcs'],
      ja: { name: 'Cloud Storage' },
    },
    {
      id: 'bigquery-ml',
      name: 'BigQuery ML',
      formerNames: [],
      aliases: ['bqml'],
      ja: { name: 'BigQuery ML' },
    },
    {
      id: 'agent-platform',
      name: 'Gemini Enterprise Agent Platform',
      formerNames: ['Vertex AI'],
      aliases: ['agent platform'],
      ja: { name: 'x' },
    },
  ] as unknown as ServiceRecord[];

  it('finds branded names, API names, inner-capital words and product words', () => {
    expect(
      namesIn('Store it in Cloud Storage, then call the Cloud Vision API from BigQuery ML or Dataflow.'),
    ).toEqual(['Cloud Storage', 'Cloud Vision API', 'Dataflow', 'BigQuery ML']);
  });

  it('accepts catalog names with a part named after them, open-source names and plurals', () => {
    const q = question({
      stem: {
        ja: 'Cloud Storage バケット',
        en: 'Files land in Cloud Storage FUSE mounts; the team uses XGBoost and scikit-learn.',
      },
      choices: [choice('A', 'Train in BigQuery ML'), choice('B', 'Use Vertex AI')],
    });
    expect(unresolvedNames([q], services)).toEqual([]);
  });

  it('names a Google Cloud product missing from the catalog, even behind a brand word', () => {
    const q = question({
      stem: { ja: 'x', en: 'Logs go to Cloud Logging.' },
      choices: [choice('A', 'Use Agent Platform Vizier'), choice('B', 'Use Cloud Spanner')],
    });
    expect(
      unresolvedNames([q], services)
        .map((u) => u.name)
        .sort(),
    ).toEqual(['Agent Platform Vizier', 'Cloud Logging', 'Cloud Spanner']);
  });
});

describe('pick-count wording', () => {
  const choices = ['A', 'B', 'C', 'D'].map((k) => choice(k, k));
  it('wants a multiple-select stem to say how many, in both languages, and a single-answer stem not to', () => {
    const ok = question({
      id: 'ok',
      answer: ['A', 'C'],
      choices,
      stem: { en: 'Which two? Choose two.', ja: 'どれですか？2 つ選択してください。' },
    });
    const enOnly = question({ ...ok, id: 'en-only', stem: { ...ok.stem, ja: 'どれですか？' } });
    const wrongCount = question({ ...ok, id: 'three', answer: ['A', 'B', 'C'] });
    const single = question({
      id: 'single',
      choices,
      stem: { en: 'Choose two.', ja: '2 つ選択してください。' },
    });
    const plain = question({
      id: 'plain',
      choices,
      stem: { en: 'What should you do?', ja: 'どうすればよいですか？' },
    });
    expect(pickCountMismatches([ok, enOnly, wrongCount, single, plain])).toEqual([
      'en-only',
      'three',
      'single',
    ]);
  });
});

describe('length bands (the rules a guesser cannot pass)', () => {
  it('counts a multiple-select question whose right options are exactly the longest, and a tie as no cue', () => {
    const longest = question({
      id: 'keys-longest',
      answer: ['A', 'C'],
      choices: [choice('A', 'xxxxxx'), choice('B', 'xxxx'), choice('C', 'xxxxx'), choice('D', 'xxx')],
    });
    const tie = question({
      id: 'tie',
      answer: ['A', 'C'],
      choices: [choice('A', 'xxxxxx'), choice('B', 'xxxxx'), choice('C', 'xxxxx'), choice('D', 'xxx')],
    });
    const single = question({ id: 'single', choices: [choice('A', 'xxxxxx'), choice('B', 'xxxx')] });
    const bands = lengthBands([longest, tie, single], 'en');
    expect(bands.keysAllLongest).toEqual(['keys-longest']);
    expect(bands.multipleMeasured).toBe(2);
  });

  it('lists a question whose longest option is more than twice its shortest, Japanese by display width', () => {
    const wide = question({
      id: 'wide',
      choices: [choice('A', 'x'.repeat(21)), choice('B', 'x'.repeat(10))],
    });
    const twice = question({
      id: 'twice',
      choices: [choice('A', 'x'.repeat(20)), choice('B', 'x'.repeat(10))],
    });
    // 6 full-width characters (width 12) against 5 half-width ones: wide on screen only.
    const ja = question({ id: 'ja', choices: [choice('A', 'aaaaaa', '全角の文字列'), choice('B', 'bbbbb')] });
    expect(lengthBands([wide, twice, ja], 'en').wideSpread).toEqual(['wide']);
    expect(lengthBands([wide, twice, ja], 'ja').wideSpread).toEqual(['wide', 'ja']);
  });
});

describe('scenario stem words', () => {
  it('counts English words of scenario stems, with the median and the ids outside 60–120', () => {
    const words = (n: number): string => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');
    const stems = [59, 60, 120, 121].map((n) =>
      question({
        id: `s${n}`,
        stem: { ja: 'x', en: words(n) },
        choices: [choice('A', 'a'), choice('B', 'b')],
      }),
    );
    const concept = question({ id: 'c', style: 'concept', stem: { ja: 'x', en: 'Short?' }, choices: [] });
    expect(scenarioStemWords([...stems, concept])).toEqual({
      scenarios: 4,
      inRange: 2,
      median: 90,
      outside: [
        { id: 's59', words: 59 },
        { id: 's121', words: 121 },
      ],
    });
  });

  it('counts a word as a reader does: "Pub/Sub", "k-means" and "5" are one word each, a dash is none', () => {
    expect(englishWords('Stream 5 events — via Pub/Sub, then k-means.')).toBe(7);
  });
});

describe('stem cues in compounds', () => {
  it('sees a hyphenated key word from its parts: "weights" in the stem cues "open-weight"', () => {
    const q = question({
      stem: { ja: 'x', en: 'The team must keep the weights on its own servers.' },
      choices: [choice('A', 'Deploy an open-weight model'), choice('B', 'Call a hosted API')],
    });
    expect(stemCues([q], 'en')).toEqual([{ id: 'q', words: ['weight'] }]);
    expect([...contentWords('Use open-weight Speech-to-Text', 'en')]).toEqual([
      'open-weight',
      'open',
      'weight',
      'speech-to-text',
      'speech',
      'text',
    ]);
  });

  it('splits a closed compound written in camel case: "gradient" cues "GradientTape"', () => {
    const q = question({
      stem: { ja: 'x', en: 'The researcher needs each gradient step by hand.' },
      choices: [choice('A', 'Write a loop with GradientTape'), choice('B', 'Call fit()')],
    });
    expect(stemCues([q], 'en')[0]?.words).toContain('gradient');
  });

  it('reads a Japanese compound both joined and split', () => {
    expect([...contentWords('需要予測にはベクトル検索を使います', 'ja')]).toEqual(
      expect.arrayContaining(['需要予測', '需要', '予測', 'ベクトル検索', 'ベクトル', '検索']),
    );
    const q = question({
      stem: { ja: '過去の需要予測を見直します。', en: 'x' },
      choices: [choice('A', 'a', 'ARIMA_PLUS で需要予測をやり直す'), choice('B', 'b', '予測を手で直す')],
    });
    expect(stemCues([q], 'ja')[0]?.words).toEqual(['需要', '需要予測']);
  });
});

describe('Japanese product terms', () => {
  const services = [
    { name: 'Vector Search', ja: { name: 'ベクトル検索' } },
    { name: 'Agent Platform Model Registry', ja: { name: 'Model Registry' } },
    { name: 'Google Kubernetes Engine', ja: { name: 'Google Kubernetes Engine（GKE）' } },
    { name: 'Agent Platform Endpoints (online inference)', ja: { name: 'エンドポイント（オンライン推論）' } },
  ];

  it("lists an English name in Japanese text where the catalog's Japanese name is another term", () => {
    const q = question({
      stem: {
        ja: '埋め込みを Vector Search に登録し、GKE で Google Kubernetes Engine を使います。',
        en: 'x',
      },
      choices: [
        choice('A', 'a', 'Agent Platform Model Registry に登録する'),
        choice('B', 'b', 'Agent Platform Endpoints にデプロイし、BigQuery の VECTOR_SEARCH を使う'),
      ],
    });
    expect(jaProductTerms([q], services)).toEqual([
      { id: 'q', name: 'Vector Search', ja: 'ベクトル検索' },
      { id: 'q', name: 'Agent Platform Endpoints', ja: 'エンドポイント（オンライン推論）' },
    ]);
  });

  it('leaves out name-history questions (trivia), which are about the English names', () => {
    const q = question({
      tags: ['trivia'],
      stem: { ja: 'Vector Search の旧称は何ですか？', en: 'x' },
      choices: [choice('A', 'a'), choice('B', 'b')],
    });
    expect(jaProductTerms([q], services)).toEqual([]);
  });
});

describe('rewritten sections', () => {
  it('are the sections with a review file in questions/reviews', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rewritten-'));
    try {
      mkdirSync(path.join(dir, 'reviews'));
      writeFileSync(path.join(dir, 'reviews', 'monitoring.yaml'), '[]\n');
      writeFileSync(path.join(dir, 'reviews', 'README.md'), '# reviews\n');
      expect(rewrittenSections(dir, ['low-code-ai', 'monitoring'])).toEqual(['monitoring']);
      expect(rewrittenSections(path.join(dir, 'nowhere'), ['monitoring'])).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
