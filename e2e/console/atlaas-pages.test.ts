/**
 * The console's Atlaas pages in real Chromium (Debian's, through playwright-core), served by the
 * app on loopback with part of the real divisions, the example export and a link to confirm: a
 * curator searches, opens a card, confirms a link — without JavaScript — and every page passes
 * axe-core with no serious or critical violation, in French and in English.
 */
import { launchConsoleBrowser, type ServedConsole, serveConsole, seriousViolations } from './console-browser.ts';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeValidSource } from '../../corpus/testing/make-source.ts';
import { createApp } from '../../curation-server/app.ts';
import { importActionFile } from '../../curation-server/atlaas/action-import.ts';
import { importActors } from '../../curation-server/atlaas/actor-import.ts';
import { currentActorIds } from '../../curation-server/atlaas/atlaas-setup.ts';
import { linkContext, refreshLinks } from '../../curation-server/atlaas/source-links.ts';
import { createUser } from '../../curation-server/auth/users.ts';
import { ListPublisher } from '../../curation-server/publishing/list-publisher.ts';
import { divisionsOf } from '../../curation-server/testing/atlaas-fixture.ts';
import { SAMPLE_SOURCES, type TempDatabase, tempDatabase } from '../../curation-server/testing/temp-database.ts';

const PASSWORD = 'une phrase de passe pour la recette';
const EXAMPLE = readFileSync(new URL('../../curation-server/atlaas/example/atlaas-export.ndjson', import.meta.url), 'utf8');
const DEPARTEMENTS = ['25', '42', '56', '69', '91'];

let temp: TempDatabase;
let server: ServedConsole;
let url: string;
let browser: Browser;

beforeAll(async () => {
  const vannes = makeValidSource('mairie-vannes.fr', { id: 'svannes00001', provenance: 'etalab/verified' });
  const lorient = makeValidSource('ville-lorient.fr', { id: 'slorient0001', provenance: 'etalab/verified' });
  // Two suggestions: one is confirmed, the other still waits when the pages are checked.
  temp = await tempDatabase([...SAMPLE_SOURCES, vannes, lorient]);
  await importActors(temp.db, divisionsOf(DEPARTEMENTS));
  await refreshLinks(temp.db, linkContext(divisionsOf(DEPARTEMENTS), await currentActorIds(temp.db), new Map()));
  const imported = await importActionFile(temp.db, EXAMPLE);
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
  const created = await createUser(temp.db, { email: 'curateur@example.org', role: 'curator', password: PASSWORD });
  if (!created.ok) throw new Error(created.problem);
  const app = createApp({ db: temp.db, publisher: new ListPublisher({ db: temp.db, directory: `${temp.directory}/lists/v1`, keysDirectory: `${temp.directory}/keys` }) });
  server = await serveConsole(app);
  url = server.url;
  browser = await launchConsoleBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await temp?.close();
});

describe('the Atlaas pages of the console in a browser', () => {
  it('searches, shows a card and confirms a link without JavaScript; every page passes axe-core', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${url}/login?next=%2Fatlaas`);
    await page.getByLabel('Adresse électronique').fill('curateur@example.org');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${url}/atlaas`);

    await page.getByLabel('Nom ou code').fill('st etienne');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByRole('link', { name: 'Saint-Étienne', exact: true }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Saint-Étienne (commune)');
    expect(await page.locator('main').innerText()).toContain('Territoire d\'Excellence Numérique');

    await page.goto(`${url}/atlaas/links`);
    const row = page.getByRole('row').filter({ hasText: 'mairie-vannes.fr' });
    await row.getByRole('button', { name: 'Confirmer' }).click();
    await page.waitForURL(`${url}/atlaas/links?done=confirm`);
    expect(await page.getByRole('status').innerText()).toBe('Le lien est confirmé.');
    await context.close();

    const checked = await browser.newContext({ locale: 'fr-FR' });
    const reader = await checked.newPage();
    await reader.goto(`${url}/login`);
    await reader.getByLabel('Adresse électronique').fill('curateur@example.org');
    await reader.getByLabel('Mot de passe').fill(PASSWORD);
    await reader.getByRole('button', { name: 'Se connecter' }).click();
    await reader.waitForURL(`${url}/sources`);
    const violations: string[] = [];
    for (const path of [
      '/atlaas',
      '/atlaas?q=saint',
      '/atlaas?q=91182',
      `/atlaas?q=${'x'.repeat(201)}`,
      '/atlaas/actors/commune:42218',
      '/atlaas/actors/epci:244200770',
      '/atlaas/actors/commune:56260',
      '/atlaas/actions',
      '/atlaas/actions?q=numerique',
      '/atlaas/links',
      '/atlaas/links?done=confirm',
      '/atlaas/actors/commune:42218?lang=en',
      '/atlaas/links?lang=en',
    ]) {
      await reader.goto(`${url}${path}`);
      violations.push(...(await seriousViolations(reader, path)));
    }
    expect(violations).toEqual([]);
    await checked.close();
  });
});
