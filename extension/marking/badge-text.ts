/** The badge's text for a source, from the extension's messages: the content script's and the console preview's. */
import type { Category } from '../../corpus/categories.ts';
import type { MessageKey } from '../i18n/locale-messages.ts';
import { describeSource, type UiLanguage } from '../i18n/source-description.ts';
import type { BadgeText } from './badge-markup.ts';

/** A message of the extension with its substitutions (`browser.i18n.getMessage`, or `localeMessage` outside the extension). */
export type MessageText = (key: MessageKey, substitutions?: string[]) => string;

export function badgeTextOf(source: { category: Category; name: string; host: string }, language: UiLanguage, text: MessageText): BadgeText {
  const description = describeSource(source, language);
  return {
    label: text('badgeLabel'),
    description: text('badgeDescription', [description.article, description.organisation]),
    summary: text('badgeOfficialSite', [description.organisation, description.category]),
    note: text('badgeListNote'),
    about: text('badgeAbout'),
  };
}
