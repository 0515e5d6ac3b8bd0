/**
 * Real Firefox ESR (Debian's) driven over WebDriver BiDi by puppeteer-core, with the built
 * extension installed as a temporary add-on, serving result pages at the engines' real URLs by
 * request interception, and recording every request the pages make.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_BUILD } from './extension-build.ts';

export interface FirefoxSession {
  browser: Browser;
  /** Every request made by the pages opened with `newPage`. */
  requests: string[];
  serve(url: string, html: string): void;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function startFirefox(options: { language?: 'fr' | 'en' } = {}): Promise<FirefoxSession> {
  const language = options.language ?? 'fr';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    acceptInsecureCerts: true,
    extraPrefsFirefox: {
      'intl.locale.requested': language === 'fr' ? 'fr' : 'en-US',
      'intl.accept_languages': language === 'fr' ? 'fr-FR, fr' : 'en-US, en',
      // The French language pack (firefox-esr-l10n-fr) is a system add-on: let it load.
      'extensions.autoDisableScopes': 0,
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  const requests: string[] = [];
  const pages = new Map<string, string>();
  return {
    browser,
    requests,
    serve: (url, html) => void pages.set(url, html),
    async newPage() {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        requests.push(request.url());
        const html = pages.get(request.url().replace(/#.*$/, ''));
        if (html !== undefined) return void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
        if (request.isNavigationRequest()) return void request.respond({ status: 204, body: '' });
        return void request.abort();
      });
      return page;
    },
    close: () => browser.close(),
  };
}
