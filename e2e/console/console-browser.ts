/**
 * What the console's browser tests share: the real Chromium they drive (Debian's, through
 * playwright-core), the console app served on loopback, signing in as a person does, axe-core's
 * serious and critical violations, and moving the keyboard focus.
 */
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export function launchConsoleBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface ServedConsole {
  url: string;
  close(): Promise<void>;
}

/** An app (the console's, or the whole server's) answering on a free loopback port. */
export async function serveConsole(app: { fetch: (request: Request) => Response | Promise<Response> }): Promise<ServedConsole> {
  let server: ReturnType<typeof serve> | undefined;
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve());
  });
  const running = server as ReturnType<typeof serve>;
  return {
    url: `http://127.0.0.1:${(running.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => running.close(() => resolve())),
  };
}

/** Signs in through the login form (from `start`, the login page by default) and waits for the page it leads to. */
export async function signIn(context: BrowserContext, url: string, account: { email: string; password: string; start?: string; landing?: string }): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}${account.start ?? '/login'}`);
  await page.getByLabel('Adresse électronique').fill(account.email);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  if (account.landing === undefined) await page.waitForLoadState();
  else await page.waitForURL(`${url}${account.landing}`);
  return page;
}

/** axe-core's serious and critical violations of the page as it is, each as one readable line. */
export async function seriousViolations(page: Page, name: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${name}: ${violation.id} (${violation.impact}) — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** How many pixels the page scrolls sideways (0: none). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth));
}

/** Moves the keyboard focus with Tab until `selector` has it (at most `limit` presses). */
export async function tabTo(page: Page, selector: string, limit = 200): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await page.locator(selector).evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} never got the focus`);
}

/** The widths every console page is checked at: a desktop's and a phone's. */
export const WIDTHS = { '1280 px': { width: 1280, height: 900 }, '390 px': { width: 390, height: 844 } } as const;

/** At each width, axe's serious and critical violations and any sideways scrolling; the page is left at the desktop's width. */
export async function problemsAtEveryWidth(page: Page, name: string): Promise<string[]> {
  const problems: string[] = [];
  for (const [width, size] of Object.entries(WIDTHS)) {
    await page.setViewportSize(size);
    problems.push(...(await seriousViolations(page, `${name} (${width})`)));
    const overflow = await sidewaysOverflow(page);
    if (overflow > 0) problems.push(`${name} (${width}): scrolls sideways by ${overflow} px`);
  }
  await page.setViewportSize(WIDTHS['1280 px']);
  return problems;
}
