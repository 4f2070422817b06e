import type { IncomingMessage } from 'node:http';
import type { Locale } from '../../../core/model/model.js';

/**
 * The language of an install page: the browser's most preferred language the quiz speaks
 * (`Accept-Language`, by weight, ties in the order given), else QUIZ_LOCALE. The installer is often not
 * the people the quiz is for, so the page follows the browser rather than the channel language.
 */
export function pageLocale(req: Pick<IncomingMessage, 'headers'>, fallback: Locale): Locale {
  const header = req.headers['accept-language'];
  if (typeof header !== 'string') return fallback;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return {
        primary: tag.trim().toLowerCase().split('-')[0] ?? '',
        weight: q === undefined ? 1 : Number(q),
        index,
      };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { primary } of ranked) if (primary === 'ja' || primary === 'en') return primary;
  return fallback;
}
