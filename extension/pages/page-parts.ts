/** Pieces the popup and the options page share: language, title, the data credit the licence asks for. */
import { DATA_CREDIT } from '../../corpus/credit.ts';
import { type MessageKey, text, type UiLanguage, uiLanguage } from '../i18n/ui-text.ts';

/** Sets the page's language and title, and gives the language for the rest of the page. */
export function preparePage(document: Document, titleKey: MessageKey): UiLanguage {
  const language = uiLanguage();
  document.documentElement.lang = language;
  document.title = text(titleKey);
  return language;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  document: Document,
  tag: K,
  content?: string | readonly Node[],
  attributes: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (typeof content === 'string') node.textContent = content;
  else if (content !== undefined) node.append(...content);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** The Licence Ouverte 2.0 credit: source and date of the data, with links to both. */
/** The data credit: its heading and text, or in the popup (which must fit 600 px) folded under its heading, opened with a click. */
export function creditFooter(document: Document, language: UiLanguage, options: { folded?: boolean } = {}): HTMLElement {
  const credit = [
    element(document, 'p', DATA_CREDIT[language], { class: 'small' }),
    element(document, 'p', [
      element(document, 'a', DATA_CREDIT.sourceUrl, { href: DATA_CREDIT.sourceUrl, target: '_blank', rel: 'noreferrer' }),
      document.createTextNode(' · '),
      element(document, 'a', text('licenceName'), {
        href: DATA_CREDIT.licenceUrl,
        target: '_blank',
        rel: 'noreferrer',
      }),
    ], { class: 'small' }),
  ];
  if (options.folded === true) return element(document, 'footer', [element(document, 'details', [element(document, 'summary', text('creditHeading')), ...credit])]);
  return element(document, 'footer', [element(document, 'h2', text('creditHeading')), ...credit]);
}
