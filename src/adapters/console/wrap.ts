import stringWidth from 'string-width';

/**
 * Line wrapping for the terminal by display width (a kanji takes two columns). Break points come from
 * `Intl.Segmenter` word segmentation (Node's full ICU knows Japanese words), so English never breaks
 * inside a word and Japanese breaks between words; kinsoku rules keep closing punctuation and brackets
 * off the start of a line and opening brackets off its end.
 */

/** Characters a line must not start with (JIS X 4051 gyoto kinsoku, the common subset). */
const NO_LINE_START = new Set([
  ...'、。，．・：；？！ー）」』】〕〉》］｝〙〗ゝゞヽヾ々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.:;?!)]}%…‥',
]);
/** Characters a line must not end with. */
const NO_LINE_END = new Set([...'（「『【〔〈《［｛〘〖([{']);

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** Letters, digits and ASCII punctuation: the characters of Latin text (and of URLs). */
const LATIN = /^[\p{Script=Latin}\p{Nd}\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]$/u;

/** Latin text breaks only at spaces: `GMT+9`, `request-response` and URLs stay whole. */
function joinsLatin(before: string, after: string): boolean {
  return LATIN.test(before) && LATIN.test(after);
}

/** Pieces that may not be split: words, with punctuation glued to the side it belongs to. */
function pieces(paragraph: string): string[] {
  const out: string[] = [];
  let carry = '';
  for (const { segment } of segmenter.segment(paragraph)) {
    const first = segment[0] ?? '';
    const previous = out.at(-1)?.at(-1) ?? '';
    const glue = NO_LINE_START.has(first) && !/\s/.test(segment);
    if (out.length > 0 && carry === '' && (glue || joinsLatin(previous, first))) {
      out[out.length - 1] += segment;
      continue;
    }
    const last = segment.at(-1) ?? '';
    if (NO_LINE_END.has(last) && segment.trim() !== '') {
      carry += segment;
      continue;
    }
    out.push(carry + segment);
    carry = '';
  }
  if (carry) out.push(carry);
  return out;
}

/** Splits a piece wider than `width` by graphemes (a URL, a very long word), never mid-character. */
function hardBreak(piece: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const { segment } of new Intl.Segmenter('ja', { granularity: 'grapheme' }).segment(piece)) {
    if (stringWidth(line + segment) > width && line !== '') {
      lines.push(line);
      line = '';
    }
    line += segment;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Wraps `text` to `width` columns. Each paragraph (a `\n`) wraps on its own; continuation lines start
 * with `indent` (a hanging indent for list items).
 */
export function wrapText(text: string, width: number, indent = ''): string {
  const room = Math.max(10, width);
  return text
    .split('\n')
    .map((paragraph) => wrapParagraph(paragraph, room, indent))
    .join('\n');
}

function wrapParagraph(paragraph: string, width: number, indent: string): string {
  if (stringWidth(paragraph) <= width) return paragraph;
  const lines: string[] = [];
  let line = '';
  const push = (): void => {
    lines.push(line.trimEnd());
    line = indent;
  };
  for (const piece of pieces(paragraph)) {
    const isSpace = piece.trim() === '';
    if (isSpace && line.trim() === '' && lines.length > 0) continue; // no leading spaces on a new line
    if (stringWidth(line + piece.trimEnd()) <= width) {
      line += piece;
      continue;
    }
    if (isSpace) {
      push();
      continue;
    }
    if (line.trim() !== '') push();
    if (stringWidth(line + piece) <= width) {
      line += piece;
      continue;
    }
    const parts = hardBreak(piece, width - stringWidth(line));
    for (const [i, part] of parts.entries()) {
      line += part;
      if (i < parts.length - 1) push();
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines.join('\n');
}
