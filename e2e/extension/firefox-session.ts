/**
 * Real Firefox ESR (Debian's) driven over WebDriver BiDi by puppeteer-core, with the built
 * extension installed as a temporary add-on, serving result pages at the engines' real URLs by
 * request interception, and recording every request the pages make.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../wxt.config.ts';
import { FIREFOX_BUILD, FIREFOX_EXTENSION_UUID } from './extension-build.ts';
import { type ProxiedRequest, startRecordingProxy } from './recording-proxy.ts';

export interface FirefoxSession {
  browser: Browser;
  /** Every request made by the pages opened with `newPage`. */
  requests: string[];
  /** Every request that left the browser otherwise (through the proxy it is given). */
  proxied: ProxiedRequest[];
  /** Where the test list channel's name leads from now on (`host:port` of a channel server), or nowhere. */
  setChannelServer(hostAndPort: string | null): void;
  /** HTTPS to `hostname` leads to this `host:port` (a channel at a real name, as in the deployment guide). */
  tunnel(hostname: string, hostAndPort: string): void;
  serve(url: string, html: string): void;
  newPage(): Promise<Page>;
  /** A tab showing one of the extension's own pages, its scripts ready. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function startFirefox(options: { language?: 'fr' | 'en'; channelServer?: string; tunnels?: Record<string, string> } = {}): Promise<FirefoxSession> {
  const language = options.language ?? 'fr';
  const proxy = await startRecordingProxy();
  proxy.setChannelServer(options.channelServer ?? null);
  for (const [hostname, hostAndPort] of Object.entries(options.tunnels ?? {})) proxy.tunnel(hostname, hostAndPort);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    acceptInsecureCerts: true,
    // Firefox's WebDriver BiDi navigates only to http(s), file and blob URLs unless the browser
    // was started with system access (ESR 153 refuses moz-extension:// otherwise): the test
    // harness needs it to open the extension's own pages; the extension itself is unchanged.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'intl.locale.requested': language === 'fr' ? 'fr' : 'en-US',
      'intl.accept_languages': language === 'fr' ? 'fr-FR, fr' : 'en-US, en',
      // The French language pack (firefox-esr-l10n-fr) is a system add-on: let it load.
      'extensions.autoDisableScopes': 0,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      // Everything the browser sends goes to the recording proxy, loopback included.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  const requests: string[] = [];
  const pages = new Map<string, string>();
  return {
    browser,
    requests,
    proxied: proxy.seen,
    setChannelServer: proxy.setChannelServer,
    tunnel: proxy.tunnel,
    serve: (url, html) => void pages.set(url, html),
    async newPage() {
      const page = await browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        requests.push(request.url());
        const html = pages.get(request.url().replace(/#.*$/, ''));
        const answer =
          html !== undefined
            ? request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
            : request.isNavigationRequest()
              ? request.respond({ status: 204, body: '' })
              : request.abort();
        // A request of a tab being closed may be gone before it is answered.
        answer.catch(() => {});
      });
      return page;
    },
    async openExtensionPage(path) {
      const page = await browser.newPage();
      const url = `moz-extension://${FIREFOX_EXTENSION_UUID}/${path.replace(/^\//, '')}`;
      // Firefox moves the tab into the extension's process: puppeteer loses track of that
      // navigation ("frame detached") although the page loads. Wait for the page itself instead.
      let refused: unknown;
      page.goto(url).catch((error: unknown) => (refused = error));
      for (let attempt = 0; attempt < 100; attempt++) {
        const ready = await page.evaluate((expected: string) => location.href === expected && document.readyState === 'complete', url).catch(() => false);
        if (ready) return page;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`extension page ${url} did not load${refused === undefined ? '' : `: ${String(refused)}`}`);
    },
    async close() {
      await browser.close();
      await proxy.close();
    },
  };
}
