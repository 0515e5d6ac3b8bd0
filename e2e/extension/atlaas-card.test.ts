/**
 * The popup's Atlaas card in real Chromium, against the curation server's app on loopback (the test
 * channel's name resolves there, so the built-in default — the channel's origin — is used): nothing
 * is asked before the user clicks « Voir la fiche Atlaas », then exactly one request, without cookie
 * or referrer, and the card shown passes axe-core with no serious or critical violation.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeValidSource } from '../../corpus/testing/make-source.ts';
import { createApp } from '../../curation-server/app.ts';
import { importActionFile } from '../../curation-server/atlaas/action-import.ts';
import { importActors } from '../../curation-server/atlaas/actor-import.ts';
import { currentActorIds } from '../../curation-server/atlaas/atlaas-setup.ts';
import { linkContext, refreshLinks } from '../../curation-server/atlaas/source-links.ts';
import { ListPublisher } from '../../curation-server/publishing/list-publisher.ts';
import { divisionsOf } from '../../curation-server/testing/atlaas-fixture.ts';
import { type TempDatabase, tempDatabase } from '../../curation-server/testing/temp-database.ts';
import { seriousViolations } from './accessibility.ts';
import { type ChromiumSession, startChromium } from './chromium-session.ts';

const SITE = 'https://www.saint-etienne.fr/';
const SITE_PAGE = '<!doctype html><html lang="fr"><title>Saint-Étienne</title><h1>Ville de Saint-Étienne</h1></html>';
const EXAMPLE = readFileSync(new URL('../../curation-server/atlaas/example/atlaas-export.ndjson', import.meta.url), 'utf8');

interface Received {
  path: string;
  headers: Record<string, string>;
}

let temp: TempDatabase;
let server: ReturnType<typeof serve>;
const received: Received[] = [];
let session: ChromiumSession;

beforeAll(async () => {
  temp = await tempDatabase([makeValidSource('saint-etienne.fr', { id: 'slzfqlyoimi3', name: 'Mairie de Saint-Étienne', code: '42218', provenance: 'etalab/verified' })]);
  await importActors(temp.db, divisionsOf(['42', '91']));
  await refreshLinks(temp.db, linkContext(divisionsOf(['42', '91']), await currentActorIds(temp.db), new Map()));
  const imported = await importActionFile(temp.db, EXAMPLE);
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
  const app = createApp({ db: temp.db, publisher: new ListPublisher({ db: temp.db, directory: `${temp.directory}/lists/v1`, keysDirectory: `${temp.directory}/keys` }) });
  server = serve({
    fetch: (request) => {
      const url = new URL(request.url);
      received.push({ path: url.pathname, headers: Object.fromEntries(request.headers) });
      return app.fetch(request);
    },
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise((resolve) => server.once('listening', resolve));
  session = await startChromium({ language: 'fr', channelServer: `127.0.0.1:${(server.address() as AddressInfo).port}` });
  session.serve(SITE, SITE_PAGE);
});

afterAll(async () => {
  await session?.close();
  server?.close();
  await temp?.close();
});

/** The popup as opened from the toolbar over the tab showing `url`. */
async function openPopupOver(url: string): Promise<Page> {
  const site = await session.newPage();
  await site.goto(url);
  const opened = session.context.waitForEvent('page', { predicate: (candidate) => candidate.url().endsWith('/popup.html') });
  await session.worker.evaluate(
    async ([siteUrl, popupUrl]) => {
      const [tab] = await chrome.tabs.query({ url: siteUrl });
      await chrome.tabs.update(tab.id!, { active: true });
      await chrome.tabs.create({ url: popupUrl, windowId: tab.windowId, active: false });
    },
    [url, session.extensionUrl('popup.html')] as const,
  );
  const popup = await opened;
  await popup.waitForSelector('main');
  return popup;
}

const atlaasRequests = () => received.filter((request) => request.path.startsWith('/api/atlaas/'));
const browserAtlaasRequests = () => session.requests.filter((request) => request.url.includes('/api/atlaas/'));

describe('the Atlaas card in the popup, in Chromium', () => {
  it('asks nothing until the button is clicked, then one request, and shows the card', async () => {
    const popup = await openPopupOver(SITE);
    const button = popup.getByRole('button', { name: 'Voir la fiche Atlaas' });
    await button.waitFor();
    // The popup has read the list and the settings; give it time to do anything else it would.
    await popup.waitForTimeout(1000);
    expect(atlaasRequests()).toEqual([]);
    expect(browserAtlaasRequests()).toEqual([]);

    await button.click();
    const card = popup.locator('.atlaas-card');
    await card.waitFor();
    expect(await card.locator('h3').innerText()).toBe('Saint-Étienne');
    const text = await card.innerText();
    expect(text).toContain('commune (42)');
    expect(text).toContain("2024 : 5 @ — Territoire d'Excellence Numérique — Médiation numérique");
    expect(atlaasRequests().map((request) => request.path)).toEqual(['/api/atlaas/by-host/www.saint-etienne.fr']);
    expect(browserAtlaasRequests()).toHaveLength(1);
    const [request] = atlaasRequests();
    expect(request.headers.cookie).toBeUndefined();
    expect(request.headers.referer).toBeUndefined();

    expect(await seriousViolations(popup)).toEqual([]);
    await popup.waitForTimeout(500);
    expect(atlaasRequests()).toHaveLength(1);
    await popup.close();
  });
});
