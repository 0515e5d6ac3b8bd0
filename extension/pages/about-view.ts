/**
 * « Qu'est-ce que c'est ? »: what the badge says and what it does not, in a few lines, for people
 * who meet it on a public computer. Opened from a badge's panel (through the background: a result
 * page cannot open an extension page itself) and from the popup.
 */
import { text } from '../i18n/ui-text.ts';
import { creditFooter, element, preparePage } from './page-parts.ts';

export function showAbout(document: Document): void {
  const language = preparePage(document, 'aboutTitle');
  document.body.classList.add('about');
  const main = element(document, 'main', [
    element(document, 'h1', text('aboutTitle')),
    element(document, 'p', text('aboutWhat')),
    element(document, 'h2', text('aboutYesHeading')),
    element(document, 'p', text('aboutYes')),
    element(document, 'h2', text('aboutNoHeading')),
    element(document, 'p', text('aboutNo')),
    element(document, 'h2', text('aboutPrivacyHeading')),
    element(document, 'p', text('aboutPrivacy')),
  ]);
  document.body.append(main, creditFooter(document, language));
}
