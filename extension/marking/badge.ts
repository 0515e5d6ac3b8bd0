/**
 * The badge drawn on a trusted result: a host element carrying `data-sdc-source`, with the badge
 * inside an open shadow root (styles isolated both ways). A glyph and text, never colour alone;
 * a button whose accessible name says what the source is; hovering or focusing it shows who the
 * source is (« Site officiel : Mairie de … — commune ») and what the badge vouches for, a click
 * keeps that panel open.
 * Built with DOM calls only: list and page text is never parsed as HTML.
 */
import type { Density } from '../settings/settings.ts';
import { BADGE_CSS } from './badge-styles.ts';

/** Marks every element the extension adds to a result page, so that it can find and remove them. */
export const OWN_ELEMENT_ATTRIBUTE = 'data-sdc-element';

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

let sheet: CSSStyleSheet | null | undefined;

/** Styles for a shadow root: one shared constructed sheet where the browser allows it, else a style element. */
function addStyles(root: ShadowRoot, css: string): void {
  try {
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    return;
  } catch {
    // Firefox content scripts cannot adopt a sheet made in their own sandbox.
    sheet = null;
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = css;
  root.append(style);
}

let nextId = 0;

/** The page's own background, light or dark: the badge follows the page it is drawn on, not the computer's theme. */
export type PageTheme = 'light' | 'dark';

/** Whether the page is drawn dark: the first opaque background from the body up (none: light, as browsers draw pages). */
export function pageTheme(document: Document): PageTheme {
  const view = document.defaultView;
  for (const element of [document.body, document.documentElement]) {
    if (element === null || view === null) continue;
    const parsed = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?/.exec(view.getComputedStyle(element).backgroundColor);
    if (parsed === null) continue;
    const alpha = parsed[4] === undefined ? 1 : parsed[4].endsWith('%') ? Number.parseFloat(parsed[4]) / 100 : Number(parsed[4]);
    if (alpha < 0.5) continue;
    // Relative luminance (sRGB), as WCAG computes it.
    const [r, g, b] = [parsed[1], parsed[2], parsed[3]].map((channel) => {
      const value = Number(channel) / 255;
      return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.2 ? 'dark' : 'light';
  }
  return 'light';
}

export function createBadge(document: Document, sourceHost: string, text: BadgeText, density: Density, theme: PageTheme = 'light', openAbout?: () => void): HTMLElement {
  const host = document.createElement('span');
  host.setAttribute(OWN_ELEMENT_ATTRIBUTE, 'badge');
  host.setAttribute('data-sdc-source', sourceHost);
  const root = host.attachShadow({ mode: 'open' });
  addStyles(root, BADGE_CSS);

  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, content?: string) => {
    const element = document.createElement(tag);
    if (className !== '') element.className = className;
    if (content !== undefined) element.textContent = content;
    return element;
  };

  const badge = make('span', `badge ${density} ${theme}`);
  const detailsId = `sdc-details-${++nextId}`;
  const button = make('button', '');
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', detailsId);
  const glyph = make('span', 'glyph', '✓');
  glyph.setAttribute('aria-hidden', 'true');
  // The accessible name is the button's own text (label then description), never a different aria-label.
  button.append(glyph, make('span', 'label', text.label), make('span', density === 'detailed' ? 'extra' : 'extra visually-hidden', text.description));

  const details = make('span', 'details');
  details.id = detailsId;
  details.hidden = true;
  details.append(make('span', '', text.summary), document.createTextNode(' '), make('span', 'host', `(${sourceHost})`), make('span', 'note', text.note));
  if (openAbout !== undefined && text.about !== undefined) {
    const about = make('button', 'about', text.about);
    about.type = 'button';
    about.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      openAbout();
    });
    details.append(about);
  }

  let isOpen = false;
  const setOpen = (open: boolean) => {
    isOpen = open;
    details.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', (event) => {
    // The result around the badge may react to clicks (engines track them): the badge keeps its own.
    event.preventDefault();
    event.stopPropagation();
    setOpen(!isOpen);
  });
  // Escape dismisses the panel, opened or shown on hover or focus (WCAG 1.4.13), until the pointer or the focus leaves.
  badge.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    badge.classList.add('dismissed');
    if (isOpen) {
      setOpen(false);
      button.focus();
    }
  });
  badge.addEventListener('mouseleave', () => badge.classList.remove('dismissed'));
  badge.addEventListener('focusout', () => badge.classList.remove('dismissed'));
  button.addEventListener('click', () => badge.classList.remove('dismissed'));

  badge.append(button, details);
  root.append(badge);
  return host;
}

/**
 * A short status line put before the results: how many untrusted results are hidden (with a
 * button that shows them again on this page), which result was moved to the top.
 */
export function createNotice(document: Document, message: string, theme: PageTheme = 'light', action?: { label: string; run: () => void }): HTMLElement {
  const host = document.createElement('div');
  host.setAttribute(OWN_ELEMENT_ATTRIBUTE, 'notice');
  const root = host.attachShadow({ mode: 'open' });
  addStyles(root, BADGE_CSS);
  const notice = document.createElement('div');
  notice.className = `notice ${theme}`;
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  status.textContent = message;
  notice.append(status);
  if (action !== undefined) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'notice-action';
    button.textContent = action.label;
    button.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      action.run();
    });
    notice.append(button);
  }
  root.append(notice);
  return host;
}
