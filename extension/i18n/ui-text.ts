/**
 * Text shown to people: the extension's i18n messages (public/_locales, French by default,
 * English when the browser is in English) and the category phrases of corpus/categories.ts.
 */
import browser from 'webextension-polyfill';
import { CATEGORIES, type Category } from '../../corpus/categories.ts';
import type messages from '../public/_locales/fr/messages.json';

export type MessageKey = keyof typeof messages;
export type UiLanguage = 'fr' | 'en';

/**
 * The language of the messages the browser chose (French by default, English for an English
 * browser), read from the messages themselves so that the list's category phrases always follow it.
 */
export function uiLanguage(): UiLanguage {
  return browser.i18n.getMessage('uiLanguage') === 'en' ? 'en' : 'fr';
}

export function text(key: MessageKey, substitutions?: string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}

export interface SourceDescription {
  /** `commune`, `university or higher education`… */
  category: string;
  /** « d'une commune », "of a municipality". */
  article: string;
  /** The organisation's name, or the site's hostname when the list does not name it. */
  organisation: string;
}

export function describeSource(source: { category: Category; name: string; host: string }, language: UiLanguage): SourceDescription {
  const category = CATEGORIES[source.category];
  return { category: category[language], article: category.article[language], organisation: source.name || source.host };
}
