/**
 * The badges as drawn on every engine's saved result page, in every density, on a light and a
 * dark page (the badge follows the page's own background), and the notice of the hide and promote
 * modes: axe-core finds no serious or critical violation in anything the extension adds.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DENSITIES } from '../../extension/settings/settings-values.ts';
import { seriousViolations } from './accessibility.ts';
import { type ChromiumSession, settledBadgeSources, startChromium } from './chromium-session.ts';
import { page, type ServedPageName } from './served-pages.ts';

const ENGINE_PAGES: ServedPageName[] = ['google-trusted', 'bing-trusted', 'duckduckgo-trusted', 'ecosia-trusted', 'qwant-saved'];
const PAGE_THEMES = { light: '#ffffff', dark: '#1f1f1f' } as const;

/** The saved page with its background forced, served at the engine's URL with the theme in the query. */
function themedUrl(session: ChromiumSession, name: ServedPageName, theme: keyof typeof PAGE_THEMES): string {
  const served = page(name);
  const url = `${served.url}&sdc-theme=${theme}`;
  session.serve(url, served.html.replace('<head>', `<head><style>html, body { background: ${PAGE_THEMES[theme]} !important; color-scheme: ${theme}; }</style>`));
  return url;
}

const badgeClass = (tab: Page) => tab.evaluate(() => document.querySelector('[data-sdc-source]')?.shadowRoot?.querySelector('.badge')?.className ?? '');

describe('badges in real Chromium: no serious or critical violation on any engine, density or page theme', () => {
  let session: ChromiumSession;

  beforeAll(async () => {
    session = await startChromium({ language: 'fr' });
  });

  afterAll(async () => {
    await session?.close();
  });

  for (const name of ENGINE_PAGES) {
    it(name, async () => {
      for (const theme of ['light', 'dark'] as const) {
        const tab = await session.newPage();
        await tab.goto(themedUrl(session, name, theme));
        await settledBadgeSources(tab, page(name).expectedSources.length);
        for (const density of DENSITIES) {
          await session.worker.evaluate((value) => chrome.storage.local.set({ settings: { density: value } }), density);
          await tab.waitForFunction((value) => document.querySelector('[data-sdc-source]')?.shadowRoot?.querySelector(`.badge.${value}`) !== null, density);
          expect(await badgeClass(tab), `${theme} ${density}`).toBe(`badge ${density} ${theme}`);
          // The details panel too, opened by keyboard focus.
          await tab.evaluate(() => (document.querySelector('[data-sdc-source]')?.shadowRoot?.querySelector('button') as HTMLElement).focus());
          expect(await seriousViolations(tab, '[data-sdc-element]'), `${name} ${theme} ${density}`).toEqual([]);
        }
        await session.worker.evaluate(() => chrome.storage.local.clear());
        await tab.close();
      }
    });
  }

  it('the hide and promote notice, with its « Afficher » button, on a light and a dark page', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const tab = await session.newPage();
      await tab.goto(themedUrl(session, 'google-ads', theme));
      await settledBadgeSources(tab, page('google-ads').expectedSources.length);
      await session.worker.evaluate(() => chrome.storage.local.set({ settings: { promoteFirstTrusted: true, hideUntrusted: true } }));
      await tab.waitForFunction(() => document.querySelector('[data-sdc-element="notice"]') !== null);
      expect(await seriousViolations(tab, '[data-sdc-element]'), theme).toEqual([]);
      await tab.evaluate(() => (document.querySelector('[data-sdc-element="notice"]')?.shadowRoot?.querySelector('button') as HTMLElement).click());
      await tab.waitForFunction(() => !(document.querySelector('[data-sdc-element="notice"]')?.shadowRoot?.textContent ?? '').includes('masqué'));
      expect(await seriousViolations(tab, '[data-sdc-element]'), `${theme}, shown again`).toEqual([]);
      await session.worker.evaluate(() => chrome.storage.local.clear());
      await tab.close();
    }
  });
});
