/**
 * The built Firefox extension (MV2) in real Firefox ESR, over WebDriver BiDi: badges on exactly
 * the trusted organic results of each engine's pages, never on ads, results added later, and no
 * request but to the engine — the browser's own traffic is watched through a recording proxy.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOnlyAListChannelRequest } from './channel-checks.ts';
import { E2E_CHANNEL } from './extension-build.ts';
import { type FirefoxSession, startFirefox } from './firefox-session.ts';
import { sentHeaders } from './recording-proxy.ts';
import {
  AD_REGIONS,
  badgeCount,
  drawnBadges,
  expectBadgesDrawnAsTheSettingsSay,
  expectNoBadgeOutsideOrganicResults,
  firstBadgeState,
  recordDrawnBadges,
  reportBadges,
} from './page-checks.ts';
import { innerHtmlOf, page, type ServedPageName } from './served-pages.ts';

const MARKED_PAGES: ServedPageName[] = ['google-trusted', 'google-ads', 'google-redirects', 'bing-trusted', 'bing-ads', 'qwant-saved', 'qwant-ads', 'duckduckgo-trusted', 'ecosia-trusted'];
const MORE_RESULTS_URL = 'https://www.google.fr/search?q=couverture+anti-feu+vehicule&start=10';
/** Firefox's own services (remote settings, captive portal detection): the browser's traffic, not the extension's. */
const BROWSER_OWN_HOSTS = /^(?:[a-z0-9-]+\.)*(?:mozilla\.(?:com|net|org)|firefox\.com)(?::\d+)?$/;

let session: FirefoxSession;

async function settledBadges(tab: Page, count: number): Promise<string[]> {
  await tab.waitForFunction((expected: number) => document.querySelectorAll('[data-sdc-source]').length >= expected, { timeout: 20_000 }, count);
  await new Promise((resolve) => setTimeout(resolve, 400));
  return tab.evaluate(() => [...document.querySelectorAll('[data-sdc-source]')].map((badge) => badge.getAttribute('data-sdc-source') ?? ''));
}

async function open(name: ServedPageName): Promise<Page> {
  const tab = await session.newPage();
  await tab.goto(page(name).url);
  return tab;
}

beforeAll(async () => {
  session = await startFirefox({ language: 'fr' });
  for (const name of [...MARKED_PAGES, 'google-more'] as const) session.serve(page(name).url, page(name).html);
  session.serve(MORE_RESULTS_URL, innerHtmlOf('google-more', '#rso'));
});

afterAll(async () => {
  await session?.close();
});

describe('Firefox: marking the saved result pages', () => {
  for (const name of MARKED_PAGES) {
    it(`marks exactly the trusted organic results of ${name}, and no ad`, async () => {
      const served = page(name);
      const tab = await open(name);
      expect(await settledBadges(tab, served.expectedSources.length)).toEqual(served.expectedSources);
      const report = await tab.evaluate(reportBadges, [AD_REGIONS, served.trustedElsewhere] as [string, string[]]);
      expectNoBadgeOutsideOrganicResults(report, served.trustedElsewhere);
      await tab.close();
    });
  }

  it('draws the same accessible, styled badge as in Chromium', async () => {
    const tab = await open('bing-trusted');
    await settledBadges(tab, page('bing-trusted').expectedSources.length);
    expect(await tab.evaluate(firstBadgeState)).toMatchObject({
      name: "Source de confiance : site d'un organisme de sécurité sociale — L'Assurance Maladie",
      label: 'Source de confiance',
      expanded: 'false',
      detailsShown: false,
    });
    // Styles reach the shadow root in Firefox content scripts too (constructed sheet or style element).
    const radius = await tab.evaluate(() => {
      const button = document.querySelector('[data-sdc-source]')?.shadowRoot?.querySelector('button');
      return button ? getComputedStyle(button).borderTopLeftRadius : '';
    });
    expect(radius).toBe('999px');
    await tab.close();
  });
});

describe('Firefox: results that arrive later', () => {
  it('marks the new results after a Qwant single-page navigation', async () => {
    const tab = await open('qwant-ads');
    expect(await settledBadges(tab, page('qwant-ads').expectedSources.length)).toEqual(page('qwant-ads').expectedSources);
    await tab.evaluate((html: string) => {
      history.pushState({}, '', '/?q=Administrateur+g%C3%A9n%C3%A9ral+du+Cnam&t=all');
      document.body.innerHTML = html;
    }, innerHtmlOf('qwant-saved', 'body'));
    expect(await settledBadges(tab, page('qwant-saved').expectedSources.length)).toEqual(page('qwant-saved').expectedSources);
    await tab.close();
  });

  it('marks the results Google adds with "more results"', async () => {
    const tab = await open('google-trusted');
    const first = page('google-trusted').expectedSources;
    expect(await settledBadges(tab, first.length)).toEqual(first);
    await tab.evaluate(async (url: string) => {
      const more = await (await fetch(url)).text();
      document.querySelector('#rso')?.insertAdjacentHTML('beforeend', more);
    }, MORE_RESULTS_URL);
    const all = [...first, ...page('google-more').expectedSources];
    expect(await settledBadges(tab, all.length)).toEqual(all);
    expect(await tab.evaluate(badgeCount)).toBe(all.length);
    await tab.close();
  });
});

describe('Firefox: settings', () => {
  it('draws at once with the defaults, and never draws a badge it must withdraw or redraw when the settings differ', async () => {
    // The options page, an extension page, reaches the extension's storage and scripting APIs.
    const options = await session.openExtensionPage('options.html');
    const control = {
      store: (settings: Record<string, unknown> | null) =>
        options.evaluate(async (value: Record<string, unknown> | null) => {
          const { storage } = (globalThis as unknown as { browser: typeof chrome }).browser;
          await (value === null ? storage.local.clear() : storage.local.set({ settings: value }));
        }, settings),
      flagRegistered: () =>
        options.evaluate(async () =>
          (await (globalThis as unknown as { browser: typeof chrome }).browser.scripting.getRegisteredContentScripts()).some((script) => script.id === 'sdc-stored-state-differs'),
        ),
    };
    const open = async () => {
      const tab = await session.newPage();
      await tab.evaluateOnNewDocument(recordDrawnBadges);
      await tab.goto(page('bing-trusted').url);
      return {
        reload: async () => void (await tab.reload()),
        drawnBadges: () => tab.evaluate(drawnBadges),
        settledBadges: (count: number) => settledBadges(tab, count),
        close: () => tab.close(),
      };
    };
    await expectBadgesDrawnAsTheSettingsSay(open, control, page('bing-trusted').expectedSources);
    await options.close();
  });
});

describe('Firefox: nothing sent', () => {
  it('made no request but to the engines, and nothing else left the browser but its own services', async () => {
    // « Update now » in the popup: the extension asks its channel for the signed manifest (no server here: it fails, and the list stays).
    const popup = await session.openExtensionPage('popup.html');
    await popup.waitForSelector('#update-now');
    await popup.click('#update-now');
    await popup.waitForSelector('#update-now:not([disabled])');
    await popup.close();
    const engineHosts = new Set([...MARKED_PAGES.map((name) => new URL(page(name).url).hostname)]);
    const http = session.requests.filter((url) => /^https?:/.test(url));
    expect(http.length).toBeGreaterThan(MARKED_PAGES.length);
    expect(http.map((url) => new URL(url).hostname).filter((host) => !engineHosts.has(host))).toEqual([]);
    // Inline data: URLs (fonts in the saved pages' styles) and blank pages are requests to no one.
    expect(session.requests.filter((url) => !/^(https?:|data:|about:blank$)/.test(url))).toEqual([]);
    // The extension's own: the signed manifest of its list channel, and nothing else.
    const fromExtension = session.proxied.filter((request) => request.target.startsWith(E2E_CHANNEL));
    expect(fromExtension.length).toBeGreaterThan(0);
    for (const request of fromExtension) expectOnlyAListChannelRequest({ url: request.target, method: request.method, headers: sentHeaders(request) });
    const proxiedHosts = session.proxied.filter((request) => !fromExtension.includes(request)).map(({ target }) => (/^https?:/.test(target) ? new URL(target).host : target));
    expect(proxiedHosts.filter((host) => !BROWSER_OWN_HOSTS.test(host))).toEqual([]);
  });

  it('would have seen a request from a page or from the extension (the audit above is not blind)', async () => {
    const fromPage = 'https://control-page.example/probe';
    const tab = await open('bing-trusted');
    await tab.evaluate((url: string) => fetch(url).then(() => undefined, () => undefined), fromPage);
    expect(session.requests).toContain(fromPage);
    // An extension page is not intercepted: what it sends leaves through the recording proxy.
    const extensionPage = await session.openExtensionPage('options.html');
    await extensionPage.evaluate((url: string) => fetch(url).then(() => undefined, () => undefined), 'https://control-extension.example/probe');
    expect(session.proxied.map((request) => request.target)).toContain('control-extension.example:443');
    await extensionPage.close();
    await tab.close();
  });
});
