/**
 * The popup, the options page and the badges as people meet them, in real Chromium: what they
 * show and do, axe-core with zero serious or critical violation in light and dark themes, and
 * English when the browser is in English.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientSources } from '../../corpus/corpus-text.ts';
import { DATA_CREDIT } from '../../corpus/credit.ts';
import { readSeedCorpus } from '../../corpus/node/seed-corpus-file.ts';
import { seriousViolations } from './accessibility.ts';
import { type ChromiumSession, settledBadgeSources, startChromium } from './chromium-session.ts';
import { E2E_CHANNEL } from './extension-build.ts';
import { firstBadgeState } from './page-checks.ts';
import { page } from './served-pages.ts';

const TRUSTED_SITE = 'https://www.service-public.fr/particuliers/vosdroits/N19810';
const TRUSTED_PAGE = '<!doctype html><html lang="fr"><title>Service-Public</title><h1>Carte d’identité</h1></html>';

async function storedSettings(session: ChromiumSession): Promise<Record<string, unknown>> {
  return session.worker.evaluate(async () => ((await chrome.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>);
}

/** The popup as opened from the toolbar over the tab showing `url` (a tab of the same window, that one active). */
async function openPopupOver(session: ChromiumSession, url: string): Promise<Page> {
  const site = await session.newPage();
  await site.goto(url);
  const opened = session.context.waitForEvent('page', { predicate: (candidate) => candidate.url().endsWith('/popup.html') });
  await session.worker.evaluate(async ([siteUrl, popupUrl]) => {
    const [tab] = await chrome.tabs.query({ url: siteUrl });
    await chrome.tabs.update(tab.id!, { active: true });
    await chrome.tabs.create({ url: popupUrl, windowId: tab.windowId, active: false });
  }, [url, session.extensionUrl('popup.html')] as const);
  const popup = await opened;
  await popup.waitForSelector('main');
  return popup;
}

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`Chromium, ${colorScheme} theme: popup, options and badges`, () => {
    let session: ChromiumSession;

    beforeAll(async () => {
      session = await startChromium({ language: 'fr', colorScheme });
      session.serve(TRUSTED_SITE, TRUSTED_PAGE);
      session.serve(page('google-trusted').url, page('google-trusted').html);
    });

    afterAll(async () => {
      await session?.close();
    });

    it('popup: says which trusted source the current site is, the list, the credit; pause and report work', async () => {
      const popup = await openPopupOver(session, TRUSTED_SITE);
      const text = await popup.locator('main').innerText();
      expect(text).toContain('✓ Ce site est une source de confiance');
      expect(text).toContain("ministère ou opérateur de l'État");
      expect(text).toContain("Service-Public.fr, le site officiel de l'administration française");
      expect(text).toContain('service-public.fr');
      const count = String(clientSources(readSeedCorpus().sources).length).replace(/\B(?=(\d{3})+$)/g, '\\s');
      expect(await popup.locator('#list-info').innerText()).toMatch(new RegExp(`^Liste version 1 du \\d{1,2} \\S+ \\d{4} : ${count} sources\\.$`, 'u'));
      // Chrome opens a popup at most 800 × 600 px: all of it shows without scrolling, the data credit folded under its heading.
      await popup.setViewportSize({ width: 800, height: 600 });
      expect(await popup.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }))).toEqual({ width: 800, height: 600 });
      expect(await popup.evaluate(() => Math.ceil(document.querySelector('main')!.getBoundingClientRect().bottom))).toBeLessThanOrEqual(600);
      expect(text).not.toContain(DATA_CREDIT.fr);
      await popup.getByText('Origine des données', { exact: true }).click();
      expect(await popup.locator('main').innerText()).toContain(DATA_CREDIT.fr);
      const report = await popup.getByRole('link', { name: 'Signaler une source manquante ou erronée' }).getAttribute('href');
      // The curation server's report page beside the compiled-in channel, with the tab's origin only.
      expect(report).toBe(`${new URL('../signaler', E2E_CHANNEL).href}?site=${encodeURIComponent(new URL(TRUSTED_SITE).origin)}`);
      expect(await seriousViolations(popup)).toEqual([]);

      const pause = popup.getByRole('switch', { name: 'Mettre en pause le marquage des résultats' });
      await pause.check();
      await expect.poll(async () => (await storedSettings(session)).paused).toBe(true);
      await pause.uncheck();
      await expect.poll(async () => (await storedSettings(session)).paused).toBe(false);
      await popup.close();
    });

    it('popup: says so when the site is not a trusted source', async () => {
      const untrusted = 'https://www.example.com/';
      session.serve(untrusted, '<!doctype html><title>Example</title>');
      const popup = await openPopupOver(session, untrusted);
      expect(await popup.locator('main').innerText()).toContain("Ce site n'est pas dans la liste des sources de confiance.");
      await popup.close();
    });

    it('options page: per-engine switches, promotion, hiding and density are kept', async () => {
      const options = await session.newPage();
      await options.goto(session.extensionUrl('options.html'));
      await options.waitForSelector('main');
      expect(await options.getByRole('checkbox', { name: /^Google/ }).isChecked()).toBe(true);
      expect(await options.getByRole('radio', { name: 'Normale' }).isChecked()).toBe(true);
      expect(await seriousViolations(options)).toEqual([]);

      await options.getByRole('checkbox', { name: /^Bing/ }).uncheck();
      await options.getByRole('checkbox', { name: 'Placer le premier résultat de confiance en tête' }).check();
      await options.getByRole('checkbox', { name: /^Masquer les résultats/ }).check();
      await options.getByRole('radio', { name: /^Détaillée/ }).check();
      await expect
        .poll(() => storedSettings(session))
        .toMatchObject({ engines: { google: true, bing: false, qwant: true, duckduckgo: true, ecosia: true }, promoteFirstTrusted: true, hideUntrusted: true, density: 'detailed' });
      expect(await options.getByRole('status').innerText()).toBe('Enregistré.');
      await options.reload();
      await options.waitForSelector('main');
      expect(await options.getByRole('checkbox', { name: /^Bing/ }).isChecked()).toBe(false);
      expect(await options.getByRole('radio', { name: /^Détaillée/ }).isChecked()).toBe(true);
      await session.worker.evaluate(() => chrome.storage.local.clear());
      await options.close();
    });

    it("badges follow the page's own background, not the computer's theme; hover and keyboard focus say who the source is; the label never wraps", async () => {
      // The same saved page drawn on a white and on a dark background (google-7 was saved in Google's dark theme).
      const withBackground = (color: string) => page('google-trusted').html.replace('<head>', `<head><style>html, body { background: ${color} !important; }</style>`);
      const lightUrl = `${page('google-trusted').url}&theme=clair`;
      const darkUrl = `${page('google-trusted').url}&theme=sombre`;
      session.serve(lightUrl, withBackground('#ffffff'));
      session.serve(darkUrl, withBackground('#202124'));
      const badgeClasses = async (tab: import('playwright-core').Page) =>
        tab.evaluate(() => document.querySelector('[data-sdc-source]')?.shadowRoot?.querySelector('.badge')?.className ?? '');
      const light = await session.newPage();
      await light.goto(lightUrl);
      await settledBadgeSources(light, page('google-trusted').expectedSources.length);
      expect(await badgeClasses(light)).toBe('badge standard light');

      // Hovering the pill shows who the source is and what the badge vouches for, without a click.
      const details = (tab: import('playwright-core').Page) =>
        tab.evaluate(() => {
          const panel = document.querySelector('[data-sdc-source]')?.shadowRoot?.querySelector('.details') as HTMLElement;
          return getComputedStyle(panel).display === 'none' ? null : panel.innerText;
        });
      expect(await details(light)).toBeNull();
      const box = await light.evaluate(() => {
        const rect = (document.querySelector('[data-sdc-source]')?.shadowRoot?.querySelector('button') as HTMLElement).getBoundingClientRect();
        return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      });
      await light.mouse.move(box.x, box.y);
      expect(await details(light)).toMatch(/^Site officiel : Service-Public\.fr, le site officiel de l'administration française — ministère ou opérateur de l'État/);
      expect(await details(light)).toContain('cela ne garantit pas le contenu de chacune de ses pages');
      await light.mouse.move(0, 0);
      expect(await details(light)).toBeNull();
      // Keyboard focus does the same.
      await light.evaluate(() => (document.querySelector('[data-sdc-source]')?.shadowRoot?.querySelector('button') as HTMLElement).focus());
      expect(await details(light)).toMatch(/^Site officiel : /);
      // « Qu'est-ce que c'est ? » in the panel opens the extension's explanation in a new tab.
      const opened = session.context.waitForEvent('page');
      await light.evaluate(() => (document.querySelector('[data-sdc-source]')?.shadowRoot?.querySelector('.details .about') as HTMLElement).click());
      const about = await opened;
      await about.waitForSelector('main h1');
      expect(about.url()).toBe(session.extensionUrl('about.html'));
      expect(await about.locator('h1').innerText()).toBe("Qu'est-ce que le badge « Source de confiance » ?");
      expect(await about.locator('main').innerText()).toContain('Il ne garantit pas que chaque page du site est juste');
      expect(await seriousViolations(about)).toEqual([]);
      await about.close();
      await light.close();

      const dark = await session.newPage();
      await dark.goto(darkUrl);
      await settledBadgeSources(dark, page('google-trusted').expectedSources.length);
      expect(await badgeClasses(dark)).toBe('badge standard dark');
      expect(await seriousViolations(dark, '[data-sdc-element]')).toEqual([]);

      // The detailed density keeps « Source de confiance » on one line, even in a narrow result.
      await session.worker.evaluate(() => chrome.storage.local.set({ settings: { density: 'detailed' } }));
      await dark.waitForFunction(() => document.querySelector('[data-sdc-source]')?.shadowRoot?.querySelector('.badge.detailed') !== null);
      await dark.setViewportSize({ width: 360, height: 800 });
      const labelLines = await dark.evaluate(() => (document.querySelector('[data-sdc-source]')?.shadowRoot?.querySelector('.label') as HTMLElement).getClientRects().length);
      expect(labelLines).toBe(1);
      expect(await seriousViolations(dark, '[data-sdc-element]')).toEqual([]);
      await session.worker.evaluate(() => chrome.storage.local.clear());
      await dark.close();
    });

    it('badges on a marked result page: no serious or critical violation, in every density', async () => {
      const tab = await session.newPage();
      await tab.goto(page('google-trusted').url);
      await settledBadgeSources(tab, page('google-trusted').expectedSources.length);
      await tab.evaluate(() => (document.querySelector('[data-sdc-source]')?.shadowRoot?.querySelector('button') as HTMLElement).click());
      expect(await seriousViolations(tab, '[data-sdc-element]')).toEqual([]);
      for (const density of ['compact', 'detailed'] as const) {
        await session.worker.evaluate((value) => chrome.storage.local.set({ settings: { density: value } }), density);
        await tab.waitForFunction((value) => document.querySelector('[data-sdc-source]')?.shadowRoot?.querySelector(`.badge.${value}`) !== null, density);
        expect(await seriousViolations(tab, '[data-sdc-element]')).toEqual([]);
      }
      const detailed = await tab.evaluate(() => document.querySelector('[data-sdc-source]')?.shadowRoot?.querySelector('button')?.textContent ?? '');
      expect(detailed).toBe("✓Source de confiance : site d'un ministère ou d'un opérateur de l'État — Service-Public.fr, le site officiel de l'administration française");
      await session.worker.evaluate(() => chrome.storage.local.clear());
      await tab.close();
    });
  });
}

describe('Chromium in English', () => {
  let session: ChromiumSession;

  beforeAll(async () => {
    session = await startChromium({ language: 'en' });
    session.serve(page('google-redirects').url, page('google-redirects').html);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('writes the badge in English, categories included', async () => {
    const tab = await session.newPage();
    await tab.goto(page('google-redirects').url);
    await settledBadgeSources(tab, page('google-redirects').expectedSources.length);
    expect((await tab.evaluate(firstBadgeState))?.name).toBe('Trusted source: site of a municipality — Mairie de Lyon');
    await tab.close();
  });
});
