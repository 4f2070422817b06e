import type { Locale } from '../../../core/model/model.js';
import { pageMessagesEn } from './page-messages-en.js';
import { pageMessagesJa } from './page-messages-ja.js';
import type { PageMessages } from './page-text.js';

export type { PageMessages } from './page-text.js';

const BY_LOCALE: Record<Locale, PageMessages> = { ja: pageMessagesJa, en: pageMessagesEn };

/** The pages' text in the viewer's language (the interface and its notes are in `page-text.ts`). */
export function pageMessages(locale: Locale): PageMessages {
  return BY_LOCALE[locale];
}
