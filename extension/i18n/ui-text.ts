/**
 * Text shown to people: the extension's i18n messages (public/_locales, French by default,
 * English when the browser is in English) and the category phrases of corpus/categories.ts.
 */
import browser from 'webextension-polyfill';
import type messages from '../public/_locales/fr/messages.json';
import type { UiLanguage } from './source-description.ts';

export type MessageKey = keyof typeof messages;
export { describeSource, type SourceDescription, type UiLanguage } from './source-description.ts';

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
