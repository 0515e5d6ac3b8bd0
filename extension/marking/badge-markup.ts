/**
 * The badge's markup as data: the one description of what a badge is made of, which the content
 * script builds with DOM calls (badge.ts, in its shadow root) and the curation console renders as
 * HTML for its preview (curation-server/views/badge-preview.tsx), so that curators see the badge
 * the public sees. Text stays text: nothing here is ever parsed as HTML.
 */
import type { Density } from '../settings/settings.ts';

export interface BadgeText {
  /** « Source de confiance » */
  label: string;
  /**
   * « : site d'une commune — Mairie de … »: follows the label in the button, so that its accessible
   * name reads « Source de confiance : site d'une commune — Mairie de … »; shown in the detailed
   * density, read by screen readers in all.
   */
  description: string;
  /** « Site officiel : Mairie de … — commune » (shown on hover, focus and click) */
  summary: string;
  /** « Ce site appartient à un organisme public… » */
  note: string;
  /** « Qu'est-ce que c'est ? »: opens the extension's short explanation (when the badge is given a way to open it). */
  about?: string;
}

/** The page's own background, light or dark: the badge follows the page it is drawn on, not the computer's theme. */
export type PageTheme = 'light' | 'dark';

export interface MarkupElement {
  tag: 'span' | 'button';
  attributes: Readonly<Record<string, string>>;
  children: readonly MarkupNode[];
}
export type MarkupNode = MarkupElement | string;

const element = (tag: MarkupElement['tag'], attributes: Record<string, string>, ...children: MarkupNode[]): MarkupElement => ({ tag, attributes, children });

/**
 * The badge: a button whose text is its accessible name (label then description), and the details
 * panel it controls (`detailsId`), hidden until hover, focus or a click. `withAbout`: the
 * « Qu'est-ce que c'est ? » button, when the badge can open the explanation.
 */
export function badgeMarkup(sourceHost: string, text: BadgeText, density: Density, theme: PageTheme, detailsId: string, withAbout: boolean): MarkupElement {
  const button = element(
    'button',
    { type: 'button', 'aria-expanded': 'false', 'aria-controls': detailsId },
    element('span', { class: 'glyph', 'aria-hidden': 'true' }, '✓'),
    element('span', { class: 'label' }, text.label),
    element('span', { class: density === 'detailed' ? 'extra' : 'extra visually-hidden' }, text.description),
  );
  const details = element(
    'span',
    { class: 'details', id: detailsId, hidden: '' },
    element('span', {}, text.summary),
    ' ',
    element('span', { class: 'host' }, `(${sourceHost})`),
    element('span', { class: 'note' }, text.note),
    ...(withAbout && text.about !== undefined ? [element('button', { type: 'button', class: 'about' }, text.about)] : []),
  );
  return element('span', { class: `badge ${density} ${theme}` }, button, details);
}

/** DOM elements from markup, in `document`. */
export function buildMarkup(document: Document, node: MarkupElement): HTMLElement {
  const built = document.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attributes)) built.setAttribute(name, value);
  for (const child of node.children) built.append(typeof child === 'string' ? document.createTextNode(child) : buildMarkup(document, child));
  return built;
}
