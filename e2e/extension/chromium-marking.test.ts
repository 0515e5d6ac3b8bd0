/**
 * The built extension in real Chromium: badges on exactly the trusted organic results of each
 * engine's pages, never on ads; results added later; settings; the toolbar icon; and no request
 * from the pages or the extension's service worker to anything but the engine.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, settledBadgeSources, startChromium } from './chromium-session.ts';
import { expectOnlyAListChannelRequest } from './channel-checks.ts';
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
import { organicTargets } from '../../extension/engines/saved-page.ts';
import { innerHtmlOf, page, type ServedPageName } from './served-pages.ts';

const MARKED_PAGES: ServedPageName[] = ['google-trusted', 'google-ads', 'google-redirects', 'bing-trusted', 'bing-ads', 'qwant-saved', 'qwant-ads', 'duckduckgo-trusted', 'ecosia-trusted'];
const MORE_RESULTS_URL = 'https://www.google.fr/search?q=couverture+anti-feu+vehicule&start=10';
const TRUSTED_SITE = 'https://www.service-public.fr/particuliers/vosdroits/N19810';
const UNTRUSTED_SITE = 'https://www.example.com/';

let session: ChromiumSession;
/** Hosts the tests navigate to: the only ones any request may go to. */
const visitedHosts = new Set<string>();

async function open(name: ServedPageName): Promise<Page> {
  const served = page(name);
  visitedHosts.add(new URL(served.url).hostname);
  const tab = await session.newPage();
  await tab.goto(served.url);
  return tab;
}

async function setStoredSettings(settings: Record<string, unknown> | null): Promise<void> {
  await session.worker.evaluate((value) => (value === null ? chrome.storage.local.clear() : chrome.storage.local.set({ settings: value })), settings);
}

/** Whether the background has registered the settings flag script (extension/settings/settings-signal.ts). */
async function settingsFlagRegistered(): Promise<boolean> {
  return session.worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).some((script) => script.id === 'sdc-stored-state-differs'));
}

beforeAll(async () => {
  session = await startChromium({ language: 'fr' });
  for (const name of [...MARKED_PAGES, 'google-more'] as const) session.serve(page(name).url, page(name).html);
  session.serve(MORE_RESULTS_URL, innerHtmlOf('google-more', '#rso'));
  session.serve(TRUSTED_SITE, '<!doctype html><html lang="fr"><title>Service-Public</title><h1>Carte d’identité</h1></html>');
  session.serve(UNTRUSTED_SITE, '<!doctype html><html lang="en"><title>Example</title><h1>Example</h1></html>');
});

afterAll(async () => {
  await session?.close();
});

describe('Chromium: marking the saved result pages', () => {
  for (const name of MARKED_PAGES) {
    it(`marks exactly the trusted organic results of ${name}, and no ad`, async () => {
      const served = page(name);
      const tab = await open(name);
      expect(await settledBadgeSources(tab, served.expectedSources.length)).toEqual(served.expectedSources);
      const report = await tab.evaluate(reportBadges, [AD_REGIONS, served.trustedElsewhere] as [string, string[]]);
      expectNoBadgeOutsideOrganicResults(report, served.trustedElsewhere);
      await tab.close();
    });
  }

  it('gives each badge a French text alternative and keyboard-reachable details', async () => {
    const tab = await open('google-trusted');
    await settledBadgeSources(tab, 4);
    const closed = await tab.evaluate(firstBadgeState);
    expect(closed).toMatchObject({
      name: "Source de confiance : site d'un ministère ou d'un opérateur de l'État — Service-Public.fr, le site officiel de l'administration française",
      label: 'Source de confiance',
      expanded: 'false',
      detailsShown: false,
    });
    await tab.evaluate(() => (document.querySelector('[data-sdc-source]')?.shadowRoot?.querySelector('button') as HTMLElement).focus());
    await tab.keyboard.press('Enter');
    const opened = await tab.evaluate(firstBadgeState);
    expect(opened).toMatchObject({ expanded: 'true', detailsShown: true });
    expect(opened?.details).toContain("Site officiel : Service-Public.fr, le site officiel de l'administration française — ministère ou opérateur de l'État");
    expect(opened?.details).toContain('(service-public.fr)');
    await tab.keyboard.press('Escape');
    expect(await tab.evaluate(firstBadgeState)).toMatchObject({ expanded: 'false', detailsShown: false });
    // The page's styles do not reach into the badge: the engine's own button rules leave it as drawn.
    const radius = await tab.evaluate(() => {
      const button = document.querySelector('[data-sdc-source]')?.shadowRoot?.querySelector('button');
      return button ? getComputedStyle(button).borderTopLeftRadius : '';
    });
    expect(radius).toBe('999px');
    await tab.close();
  });
});

describe('Chromium: results that arrive later', () => {
  it('marks the new results after a Qwant single-page navigation, and drops the old badges', async () => {
    const tab = await open('qwant-ads');
    expect(await settledBadgeSources(tab, page('qwant-ads').expectedSources.length)).toEqual(page('qwant-ads').expectedSources);
    await tab.evaluate((html) => {
      history.pushState({}, '', '/?q=Administrateur+g%C3%A9n%C3%A9ral+du+Cnam&t=all');
      document.body.innerHTML = html;
    }, innerHtmlOf('qwant-saved', 'body'));
    expect(await settledBadgeSources(tab, page('qwant-saved').expectedSources.length)).toEqual(page('qwant-saved').expectedSources);
    await tab.close();
  });

  it('marks the results Google adds with "more results"', async () => {
    const tab = await open('google-trusted');
    const first = page('google-trusted').expectedSources;
    expect(await settledBadgeSources(tab, first.length)).toEqual(first);
    await tab.evaluate(async (url) => {
      const more = await (await fetch(url)).text();
      document.querySelector('#rso')?.insertAdjacentHTML('beforeend', more);
    }, MORE_RESULTS_URL);
    const all = [...first, ...page('google-more').expectedSources];
    expect(await settledBadgeSources(tab, all.length)).toEqual(all);
    await tab.close();
  });

  it('keeps the badges right after going back and forward', async () => {
    const tab = await open('google-redirects');
    const expected = page('google-redirects').expectedSources;
    expect(await settledBadgeSources(tab, expected.length)).toEqual(expected);
    await tab.goto(page('bing-trusted').url);
    expect(await settledBadgeSources(tab, page('bing-trusted').expectedSources.length)).toEqual(page('bing-trusted').expectedSources);
    await tab.goBack();
    expect(await settledBadgeSources(tab, expected.length)).toEqual(expected);
    await tab.goForward();
    expect(await settledBadgeSources(tab, page('bing-trusted').expectedSources.length)).toEqual(page('bing-trusted').expectedSources);
    await tab.close();
  });
});

describe('Chromium: settings', () => {
  it('stops marking when paused or when the engine is switched off, and marks again when resumed', async () => {
    const tab = await open('bing-trusted');
    const expected = page('bing-trusted').expectedSources;
    expect(await settledBadgeSources(tab, expected.length)).toEqual(expected);
    await setStoredSettings({ paused: true });
    await tab.waitForFunction(() => document.querySelectorAll('[data-sdc-source]').length === 0);
    // From here every badge inserted is recorded: with Bing off, none may be; the changes reach
    // the page in order, so the badges seen after the last one were drawn by it, compact.
    await tab.evaluate(recordDrawnBadges);
    await setStoredSettings({ paused: false, engines: { google: true, bing: false, qwant: true } });
    await setStoredSettings({ density: 'compact' });
    expect(await settledBadgeSources(tab, expected.length)).toEqual(expected);
    expect(await tab.evaluate(drawnBadges)).toEqual(expected.map(() => 'badge compact'));
    await setStoredSettings(null);
    expect(await settledBadgeSources(tab, expected.length)).toEqual(expected);
    await tab.close();
  });

  it('draws at once with the defaults, and never draws a badge it must withdraw or redraw when the settings differ', async () => {
    const served = page('bing-trusted');
    visitedHosts.add(new URL(served.url).hostname);
    const open = async () => {
      const tab = await session.newPage();
      await tab.addInitScript(recordDrawnBadges);
      await tab.goto(served.url);
      return {
        reload: async () => void (await tab.reload()),
        drawnBadges: () => tab.evaluate(drawnBadges),
        settledBadges: (count: number) => settledBadgeSources(tab, count),
        close: () => tab.close(),
      };
    };
    await expectBadgesDrawnAsTheSettingsSay(open, { store: setStoredSettings, flagRegistered: settingsFlagRegistered }, served.expectedSources);
  });

  it('promotes the first trusted result, hides untrusted ones when asked, and undoes both', async () => {
    const tab = await open('google-ads');
    const expected = page('google-ads').expectedSources;
    await settledBadgeSources(tab, expected.length);
    const visibleTitles = () =>
      [...document.querySelectorAll('#rso h3')]
        .filter((title) => (title as HTMLElement).offsetParent !== null && title.closest('.kno-kp, .related-question-pair') === null)
        .map((title) => title.textContent ?? '');
    const trustedTitles = await tab.evaluate(() =>
      [...document.querySelectorAll('[data-sdc-source]')].map((badge) => badge.parentElement?.querySelector('h3')?.textContent ?? ''),
    );
    const before = await tab.evaluate(visibleTitles);
    expect(before[0]).not.toBe(trustedTitles[0]);

    await setStoredSettings({ promoteFirstTrusted: true });
    await tab.waitForFunction((first) => document.querySelector('#rso h3')?.textContent === first, trustedTitles[0]);
    expect(await tab.evaluate(visibleTitles)).toEqual([trustedTitles[0], ...before.filter((title) => title !== trustedTitles[0])]);

    await setStoredSettings({ promoteFirstTrusted: true, hideUntrusted: true });
    await tab.waitForFunction(() => document.querySelector('[data-sdc-element="notice"]') !== null);
    expect(await tab.evaluate(visibleTitles)).toEqual(trustedTitles);
    const notice = await tab.evaluate(() => document.querySelector('[data-sdc-element="notice"]')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '');
    // What promotion moved, and how many items hiding took away: the untrusted results and the ads and answer boxes around them.
    const said = /^Résultat de confiance placé en tête : (.+)\. (\d+) élément\(s\) masqué\(s\) : résultats, annonces et encadrés qui ne viennent pas de sources de confiance\.$/.exec(notice);
    expect(said, notice).not.toBeNull();
    expect(Number(said?.[2])).toBeGreaterThan(organicTargets('google-2.html').length - expected.length);
    // « Afficher » brings everything back on this page.
    await tab.evaluate(() => (document.querySelector('[data-sdc-element="notice"]')?.shadowRoot?.querySelector('button') as HTMLElement).click());
    await tab.waitForFunction(() => !(document.querySelector('[data-sdc-element="notice"]')?.shadowRoot?.textContent ?? '').includes('masqué'));
    expect((await tab.evaluate(visibleTitles)).length).toBe(before.length);

    await setStoredSettings(null);
    await tab.waitForFunction(() => document.querySelector('[data-sdc-element="notice"]') === null);
    expect(await tab.evaluate(visibleTitles)).toEqual(before);
    await tab.close();
  });
});

describe('Chromium: toolbar icon', () => {
  async function badgeTextFor(url: string): Promise<{ text: string; title: string }> {
    const tab = await session.newPage();
    visitedHosts.add(new URL(url).hostname);
    await tab.goto(url);
    const state = { text: '', title: '' };
    await expect
      .poll(async () => {
        Object.assign(
          state,
          await session.worker.evaluate(async (pageUrl) => {
            const [found] = await chrome.tabs.query({ url: pageUrl });
            if (found?.id === undefined) return { text: '?', title: '' };
            return { text: await chrome.action.getBadgeText({ tabId: found.id }), title: await chrome.action.getTitle({ tabId: found.id }) };
          }, url),
        );
        return state.title;
      }, { timeout: 15_000 })
      .not.toBe('');
    await tab.close();
    return state;
  }

  it('shows on the icon that the current site is a trusted source, and which', async () => {
    const trusted = await badgeTextFor(TRUSTED_SITE);
    expect(trusted.text).toBe('✓');
    expect(trusted.title).toBe("Source de confiance : site d'un ministère ou d'un opérateur de l'État — Service-Public.fr, le site officiel de l'administration française");
    const untrusted = await badgeTextFor(UNTRUSTED_SITE);
    expect(untrusted).toEqual({ text: '', title: 'Sources de confiance' });
  });
});

describe('Chromium: nothing sent', () => {
  it('made no request but to the engines and sites the tests opened; the extension, only to its list channel, for its files, with nothing of its own', async () => {
    // « Update now » in the popup: the extension asks its channel for the signed manifest (no server here: it fails, and the list stays).
    const popup = await session.newPage();
    await popup.goto(session.extensionUrl('popup.html'));
    await popup.locator('#update-now').click();
    await popup.locator('#update-now:not([disabled])').waitFor();
    await popup.close();
    const http = session.requests.filter((request) => /^https?:/.test(request.url));
    expect(http.length).toBeGreaterThan(MARKED_PAGES.length);
    const fromExtension = http.filter((request) => request.fromServiceWorker);
    expect(fromExtension.length).toBeGreaterThan(0);
    for (const request of fromExtension) expectOnlyAListChannelRequest(request);
    expect(http.filter((request) => !request.fromServiceWorker).map((request) => new URL(request.url).hostname).filter((host) => !visitedHosts.has(host))).toEqual([]);
    // The extension reads its list from its own package only.
    const extensionRequests = session.requests.filter((request) => !/^https?:/.test(request.url));
    for (const request of extensionRequests) expect(request.url).toMatch(/^(chrome-extension:\/\/gchlaeidhlpjhcidhkkimiadkidlgkgh\/|data:)/);
  });

  it('would have seen a request from the service worker or a page (the audit above is not blind)', async () => {
    const fromWorker = 'https://control-worker.example/probe';
    const fromPage = 'https://control-page.example/probe';
    await session.worker.evaluate((url) => fetch(url).then(() => undefined, () => undefined), fromWorker);
    const tab = await open('bing-trusted');
    await tab.evaluate((url) => fetch(url).then(() => undefined, () => undefined), fromPage);
    await expect.poll(() => session.requests.find((request) => request.url === fromWorker)?.fromServiceWorker).toBe(true);
    await expect.poll(() => session.requests.find((request) => request.url === fromPage)?.fromServiceWorker).toBe(false);
    await tab.close();
  });
});
