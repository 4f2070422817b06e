import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/adapters/questions/load-content.js';
import { NameMasker } from '../../../src/adapters/questions/name-masks.js';

// The real catalog: the masks must fit the names writers actually use.
const content = loadContent(path.resolve(import.meta.dirname, '../../../questions'));
const masker = new NameMasker(content.services);

/** Masks texts as one question does, in order, so letters carry across them. */
function mask(...texts: string[]): string[] {
  const question = masker.forQuestion();
  return texts.map((t) => question.mask(t));
}

describe('masking names for the blind pass', () => {
  it('gives a part of a product its own letter and drops a gloss that masks to the same letter', () => {
    expect(mask('Use Cloud Vision SafeSearch detection.')).toEqual(['Use Product A Product B detection.']);
    expect(mask('Convert it to LiteRT (formerly TensorFlow Lite) and use Cloud TPUs, not TPU v2.')).toEqual([
      'Convert it to Product A and use Product B, not Product B v2.',
    ]);
  });

  it('masks identifiers written as code that no list names: function, enum, snake_case and camelCase names', () => {
    expect(
      mask(
        'Run ML.VALIDATE_DATA_SKEW nightly, block at BLOCK_MEDIUM_AND_ABOVE, score trajectory_exact_match and set requiredReplicaCount.',
      ),
    ).toEqual(['Run Feature A nightly, block at Feature B, score Feature C and set Feature D.']);
    // Ordinary words stay: hyphenated words, capitalised words, plain lower case.
    expect(mask('A well-known Team keeps state per user.')).toEqual([
      'A well-known Team keeps state per user.',
    ]);
  });

  it('masks the longest name first, inside compounds and possessives', () => {
    expect(
      mask("Train with Agent Platform AutoML, then compare with BigQuery ML’s and BigQuery ML's models."),
    ).toEqual(["Train with Product A, then compare with Product B’s and Product B's models."]);
    expect(mask('A Dataflow-based job reads Cloud Storage.')).toEqual([
      'A Product A-based job reads Product B.',
    ]);
  });

  it('gives one product one letter in English and Japanese, through its former names and Japanese name', () => {
    expect(
      mask(
        'Use Vertex AI Feature Store with BigQuery.',
        'BigQuery のデータを Agent Platform Feature Store で配信する',
        'Gemini Enterprise Agent Platform (formerly Vertex AI)',
      ),
    ).toEqual(['Use Product A with Product B.', 'Product B のデータを Product A で配信する', 'Product C']);
  });

  it('matches Latin names in any case after a capital, and leaves the same words in lower case alone', () => {
    expect(mask('BIGQUERY and Bigquery; use Model Monitoring, not just model monitoring.')).toEqual([
      'Product A and Product A; use Product B, not just model monitoring.',
    ]);
    expect(mask('Ray on Agent Platform runs Ray; chest X-ray scans; a ray of light')).toEqual([
      'Product A runs Product B; chest X-ray scans; a ray of light',
    ]);
  });

  it('masks a lower-case alias that is a path segment, and leaves the same word in running text alone', () => {
    expect(
      mask('Read Cloud Storage files under /gcs/photos/ on each node; the gcs team owns the bucket.'),
    ).toEqual(['Read Product A files under /Product A/photos/ on each node; the gcs team owns the bucket.']);
  });

  it('masks plurals, aliases written as names and the known open-source and other Google names', () => {
    expect(
      mask('Two Cloud TPUs, eight TPUs, 100 GSUs on GKE with Apache Spark or Spark and Kubernetes'),
    ).toEqual([
      'Two Product A, eight Product A, 100 Product B on Product C with Product D or Product D and Product E',
    ]);
    expect(mask('Deploy from GitHub Actions to Google Cloud with scikit-learn')).toEqual([
      'Deploy from Product A to Product B with Product C',
    ]);
  });

  it('masks the Japanese forms of other Google names and of a product written without its brand', () => {
    // Blind readers saw these unmasked in Japanese options the English masked (third session of 2026-12-07).
    expect(mask('Google Maps grounding', 'Google マップによるグラウンディングを有効にする')).toEqual([
      'Product A grounding',
      'Product A によるグラウンディングを有効にする',
    ]);
    expect(mask('Flex テンプレートのイメージに追加し、Google 検索の結果を使う')).toEqual([
      'Product A のイメージに追加し、Product B の結果を使う',
    ]);
  });

  it('masks API and class names in code style as features, dotted module names whole', () => {
    expect(
      mask(
        'Run CREATE MODEL, then ML.FORECAST and VECTOR_SEARCH; record with tf.GradientTape and tf.keras.callbacks.EarlyStopping; save with torch.save(model.state_dict()).',
      ),
    ).toEqual([
      'Run Feature A, then Feature B and Feature C; record with Feature D and Feature E; save with Feature F(Feature G).',
    ]);
    // `tf.data` is a catalog entry (a product), `tf.data.Dataset` an API name in it.
    expect(mask('Read with tf.data, build a tf.data.Dataset')).toEqual([
      'Read with Product A, build a Feature A',
    ]);
  });

  it('leaves the field’s common words visible: batch inference, GPUs, LLMs, endpoints', () => {
    const text =
      'Batch inference on GPUs behind an endpoint; an LLM with RAG; バッチ推論とオンライン推論、パイプライン';
    expect(mask(text)).toEqual([text]);
  });

  it('does not find a katakana name inside a longer katakana word', () => {
    expect(mask('レイテンシを下げるため Dataflow を使う。データフローのジョブ')).toEqual([
      'レイテンシを下げるため Product A を使う。Product A のジョブ',
    ]);
  });

  it('sets every placeholder off from Japanese letters, so a name written flush in Japanese looks like the rest', () => {
    // 優先従量課金制 is written without spaces, Flex PayGo with them; masked, the two must read alike.
    expect(mask('呼び出しを優先従量課金制に移す。呼び出しを Flex PayGo に移す。「Dataflow」')).toEqual([
      '呼び出しを Product A に移す。呼び出しを Product B に移す。「Product C」',
    ]);
  });

  it('gives a PayGo option one letter whether it is written PayGo, pay-as-you-go or by its Japanese name', () => {
    expect(
      mask(
        'Standard pay-as-you-go or Standard PayGo; Priority pay-as-you-go',
        '標準従量課金制と優先従量課金制',
      ),
    ).toEqual(['Product A or Product A; Product B', 'Product A と Product B']);
  });

  it('says "a", not "an", before a placeholder, so the article does not hint at the name', () => {
    expect(mask('Train an AutoML model. An Apache Beam pipeline.')).toEqual([
      'Train a Product A model. A Product B pipeline.',
    ]);
  });

  it('lists which placeholder stands for which name, in the order met', () => {
    const question = masker.forQuestion();
    question.mask('Move from Cloud Composer to Dataflow and call ML.PREDICT');
    expect(question.legend()).toEqual([
      { placeholder: 'Product A', name: 'Managed Service for Apache Airflow' },
      { placeholder: 'Product B', name: 'Dataflow' },
      { placeholder: 'Feature A', name: 'ML.PREDICT' },
    ]);
  });
});
