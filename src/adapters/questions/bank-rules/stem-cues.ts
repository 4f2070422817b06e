import type { Locale } from '../../../core/model/model.js';
import { answerKeysOf } from '../schema.js';
import type { RuledQuestion } from './item-shape.js';

/**
 * Stem cues: distinctive words that the stem shares with a right choice and with no wrong choice. A reader
 * can match such a word without knowing the subject ("…reads *TFRecord* shards" → the only option saying
 * "TFRecord"). A word a wrong option repeats is no cue, nor are function words, nor the field's common
 * vocabulary: a word found in many questions of the bank ("train", "pipeline", "endpoint") tells a reader
 * nothing about this one.
 */
export interface StemCue {
  id: string;
  words: string[];
}

const EN_FUNCTION_WORDS = new Set(
  `about above after again against also although among another because been before being below between
both cannot could does doing down during each every from further have having here into itself just more most
must need needs only other ought over same should some such than that their them then there these they this
those through under until very want wants what when where which while whom will with within without would
your yours company team teams data model models should using used uses want what how`
    .split(/\s+/)
    .filter(Boolean),
);

/** A Latin word with its hyphen or slash compounds whole ("open-weight", "request/response"). */
const latinWord = /[A-Za-z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*/g;
const jaSegmenter = new Intl.Segmenter('ja', { granularity: 'word' });
/** Kanji or katakana runs carry the meaning of a Japanese sentence; kana particles do not. */
const jaContent = /^[\p{Script=Han}\p{Script=Katakana}ー]{2,}$/u;
const jaCompoundPart = /^[\p{Script=Han}\p{Script=Katakana}ー]+$/u;

/** Folds English inflections so "streams", "streaming" and "streamed" meet. */
function stem(word: string): string {
  if (word.length <= 5) return word;
  return word
    .replace(/(?:ing|ed)$/, '')
    .replace(/(ss|sh|ch|x)es$/, '$1')
    .replace(/([^s])s$/, '$1');
}

/**
 * The parts of a compound: "open-weight" is also "open" and "weight", "Speech-to-Text" also "speech"
 * and "text", and a closed compound written in camel case ("GradientTape") also "gradient" and "tape",
 * so a stem that says "weights" cues a key that says "open-weight".
 */
function compoundParts(word: string): string[] {
  const parts = word.split(/[-/]/).flatMap((part) => part.split(/(?<=[a-z0-9])(?=[A-Z])/));
  return parts.length > 1 ? parts : [];
}

function latinContentWords(text: string, into: Set<string>): void {
  for (const word of text.match(latinWord) ?? []) {
    for (const w of [word, ...compoundParts(word)].map((x) => x.toLowerCase())) {
      if (w.length >= 4 && !EN_FUNCTION_WORDS.has(w)) into.add(stem(w));
    }
  }
}

export function contentWords(text: string, locale: Locale): Set<string> {
  const words = new Set<string>();
  latinContentWords(text, words);
  if (locale === 'en') return words;
  // A Japanese compound is read both ways: 「需要予測」 is a word of its own, and 「需要」 and 「予測」 too,
  // whether the segmenter split it or not ("ベクトル検索" comes as ベクトル + 検索).
  let run: string[] = [];
  const endRun = (): void => {
    if (run.length > 1) words.add(run.join(''));
    run = [];
  };
  for (const { segment, isWordLike } of jaSegmenter.segment(text)) {
    if (isWordLike && jaCompoundPart.test(segment)) {
      run.push(segment);
      if (jaContent.test(segment)) words.add(segment);
    } else endRun();
  }
  endRun();
  return words;
}

/** A word in more than this share of the bank's questions is common vocabulary, not a cue. */
export const COMMON_WORD_SHARE = 0.02;
/** ...and in small banks, in more than this many questions. */
const MIN_COMMON_COUNT = 3;

export function stemCues(questions: readonly RuledQuestion[], locale: Locale): StemCue[] {
  const questionsWith = new Map<string, number>();
  for (const q of questions) {
    const words = new Set(
      [q.stem[locale], ...q.choices.map((c) => c.text[locale])].flatMap((t) => [...contentWords(t, locale)]),
    );
    for (const word of words) questionsWith.set(word, (questionsWith.get(word) ?? 0) + 1);
  }
  const commonAbove = Math.max(MIN_COMMON_COUNT, COMMON_WORD_SHARE * questions.length);
  const distinctive = (word: string): boolean => (questionsWith.get(word) ?? 0) <= commonAbove;

  const cues: StemCue[] = [];
  for (const q of questions) {
    const rightKeys = new Set(answerKeysOf(q));
    const stemWords = contentWords(q.stem[locale], locale);
    const wrongWords = new Set(
      q.choices
        .filter((c) => !rightKeys.has(c.key))
        .flatMap((c) => [...contentWords(c.text[locale], locale)]),
    );
    const shared = new Set<string>();
    for (const choice of q.choices.filter((c) => rightKeys.has(c.key))) {
      for (const word of contentWords(choice.text[locale], locale)) {
        if (stemWords.has(word) && !wrongWords.has(word) && distinctive(word)) shared.add(word);
      }
    }
    if (shared.size > 0) cues.push({ id: q.id, words: [...shared].sort() });
  }
  return cues;
}
