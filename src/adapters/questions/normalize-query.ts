/**
 * Folds the ways people type a service name into one form: NFKC (full-width to half-width, half-width
 * kana to full-width), lower case, hiragana to katakana, and no spaces, hyphens, slashes, dots or
 * middle dots. So `Ｐｕｂ／Ｓｕｂ`, `pub sub` and `pubsub` are the same, and so are `でーたふろー` and `データフロー`.
 */
export function normalizeQuery(input: string): string {
  return input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60))
    .replace(/[\s\-_/.・･()（）]+/g, '');
}
