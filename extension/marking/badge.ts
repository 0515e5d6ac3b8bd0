/**
 * The badge drawn on a trusted result: a host element carrying `data-sdc-source`, with the badge
 * inside an open shadow root (styles isolated both ways). A glyph and text, never colour alone;
 * a button whose accessible name says what the source is; hovering or focusing it shows who the
 * source is (« Site officiel : Mairie de … — commune ») and what the badge vouches for, a click
 * keeps that panel open.
 * Built with DOM calls only, from the markup of badge-markup.ts (which the console's preview renders
 * too): list and page text is never parsed as HTML.
 */
import type { Density } from '../settings/settings.ts';
import { type BadgeText, badgeMarkup, buildMarkup, type PageTheme } from './badge-markup.ts';
import { BADGE_CSS } from './badge-styles.ts';

/** Marks every element the extension adds to a result page, so that it can find and remove them. */
export const OWN_ELEMENT_ATTRIBUTE = 'data-sdc-element';

export type { BadgeText, PageTheme } from './badge-markup.ts';

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

  const badge = buildMarkup(document, badgeMarkup(sourceHost, text, density, theme, `sdc-details-${++nextId}`, openAbout !== undefined));
  const button = badge.querySelector('button') as HTMLButtonElement;
  const details = badge.querySelector('.details') as HTMLElement;
  const about = details.querySelector('.about');
  if (openAbout !== undefined && about !== null) {
    about.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      openAbout();
    });
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
