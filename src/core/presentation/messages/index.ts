import type { Locale } from '../../model/model.js';
import { en } from './en.js';
import { ja } from './ja.js';
import type { Messages } from './messages.js';

export type { Messages } from './messages.js';

const BY_LOCALE: Record<Locale, Messages> = { ja, en };

export function messagesFor(locale: Locale): Messages {
  return BY_LOCALE[locale];
}

export function isLocale(value: string): value is Locale {
  return value === 'ja' || value === 'en';
}
