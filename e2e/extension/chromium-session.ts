/**
 * Real Chromium (Debian's) with the built extension loaded, serving result pages at the engines'
 * real URLs through request routing, and recording every request the browser context makes —
 * pages, content scripts and the extension's service worker.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { CHROME_BUILD, CHROME_EXTENSION_ID, E2E_CHANNEL_HOST } from './extension-build.ts';

export interface RecordedRequest {
  url: string;
  method: string;
  /** Request headers as sent (lower-case names). */
  headers: Record<string, string>;
  fromServiceWorker: boolean;
}

export interface ChromiumSession {
  context: BrowserContext;
  worker: Worker;
  requests: RecordedRequest[];
  /** Answers `url` with this HTML from now on. */
  serve(url: string, html: string): void;
  extensionUrl(path: string): string;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface ChromiumOptions {
  language?: 'fr' | 'en';
  colorScheme?: 'light' | 'dark';
  /** `host:port` of the list channel server: the test channel's name (E2E_CHANNEL) resolves there. Unset: it resolves nowhere. */
  channelServer?: string;
  /** A profile directory to use (kept on close), instead of a new one removed on close. */
  profile?: string;
  /** More names and where they resolve (`host:port`), HTTPS accepted with the test's own certificates (a channel at a real name, as in the deployment guide). */
  hosts?: Record<string, string>;
}

export async function startChromium(options: ChromiumOptions = {}): Promise<ChromiumSession> {
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'sdc-chromium-'));
  const language = options.language ?? 'fr';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    locale: language === 'fr' ? 'fr-FR' : 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    env: { ...process.env, LANGUAGE: language === 'fr' ? 'fr_FR' : 'en_US', LANG: language === 'fr' ? 'fr_FR.UTF-8' : 'en_US.UTF-8' },
    args: [
      `--disable-extensions-except=${CHROME_BUILD}`,
      `--load-extension=${CHROME_BUILD}`,
      `--lang=${language === 'fr' ? 'fr-FR' : 'en-US'}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=${[`MAP ${E2E_CHANNEL_HOST} ${options.channelServer ?? '~NOTFOUND'}`, ...Object.entries(options.hosts ?? {}).map(([name, to]) => `MAP ${name} ${to}`)].join(', ')}`,
      ...(options.hosts === undefined ? [] : ['--ignore-certificate-errors']),
    ],
  });
  const requests: RecordedRequest[] = [];
  context.on('request', (request) =>
    requests.push({ url: request.url(), method: request.method(), headers: request.headers(), fromServiceWorker: request.serviceWorker() !== null }),
  );

  const pages = new Map<string, string>();
  await context.route('**/*', async (route) => {
    const request = route.request();
    // The extension's own pages and files are read from its package, not served here.
    if (!/^https?:/.test(request.url())) return route.continue();
    // The list channel is a real server (mapped above), or no server at all.
    const { hostname } = new URL(request.url());
    if (hostname === E2E_CHANNEL_HOST || Object.hasOwn(options.hosts ?? {}, hostname)) return route.continue();
    const html = pages.get(request.url().replace(/#.*$/, ''));
    if (html !== undefined) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    // Whatever else a page asks for is not served: navigations get an empty answer, the rest fails.
    if (request.isNavigationRequest()) return route.fulfill({ status: 204, body: '' });
    return route.abort();
  });

  const worker =
    context.serviceWorkers().find((candidate) => candidate.url().startsWith(`chrome-extension://${CHROME_EXTENSION_ID}/`)) ??
    (await context.waitForEvent('serviceworker', { predicate: (candidate) => candidate.url().startsWith(`chrome-extension://${CHROME_EXTENSION_ID}/`) }));

  return {
    context,
    worker,
    requests,
    serve: (url, html) => void pages.set(url, html),
    extensionUrl: (path) => `chrome-extension://${CHROME_EXTENSION_ID}/${path.replace(/^\//, '')}`,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      if (options.profile === undefined) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The `data-sdc-source` of every badge on the page, in document order. */
export function badgeSources(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('[data-sdc-source]')].map((badge) => badge.getAttribute('data-sdc-source') ?? ''));
}

/**
 * Waits until the page shows `count` badges, then a little longer, so that a badge drawn too many
 * would be seen too; gives the badges' sources.
 */
export async function settledBadgeSources(page: Page, count: number): Promise<string[]> {
  await page.waitForFunction((expected) => document.querySelectorAll('[data-sdc-source]').length >= expected, count, { timeout: 20_000 });
  await page.waitForTimeout(400);
  return badgeSources(page);
}
