/**
 * A bulk action as one undoable thing, in a real browser (Debian's Chromium through playwright-core),
 * against the app served over HTTP on loopback with a temporary database: a curator checks rows,
 * asks to suspend them, confirms, finds the batch as one line of the activity, filters the
 * activity with the keyboard, and undoes the batch (« Défaire ») — the sources are back. Without
 * JavaScript the confirmation step works too, and « Annuler » there changes nothing. Every page is
 * checked with axe-core at 1280 and 390 px wide: no serious or critical violation, no sideways scrolling.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recentEvents } from '../../curation-server/history/event-log.ts';
import { sourceById } from '../../curation-server/sources/source-store.ts';
import { type ConsoleFixture, consoleFixture, PASSWORD } from '../../curation-server/testing/console-client.ts';
import { launchConsoleBrowser, problemsAtEveryWidth, type ServedConsole, serveConsole, tabTo, WIDTHS } from './console-browser.ts';

let fixture: ConsoleFixture;
let server: ServedConsole;
let url: string;
let browser: Browser;

beforeAll(async () => {
  fixture = await consoleFixture();
  await fixture.as('curator');
  server = await serveConsole(fixture.app);
  url = server.url;
  browser = await launchConsoleBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fixture?.close();
});

async function signIn(context: BrowserContext, next: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}${next}`);
  await page.getByLabel('Adresse électronique').fill('curator@example.org');
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${url}${next}`);
  return page;
}

const CHECKED = ['besancon.fr', 'ac-besancon.fr', 'mairie-lyon.fr'];
const IDS = ['syj66jel4pyz', 'sxcmuyhvlacd', 'stlyon0000001'];

describe('a bulk action as one undoable batch, in a browser', () => {
  it('confirms before writing, shows the batch as one line, filters the activity, and undoes the batch', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: WIDTHS['1280 px'] });
    const page = await signIn(context, '/sources');
    const problems: string[] = [];

    for (const host of CHECKED) await page.getByLabel(`Sélectionner ${host}`, { exact: true }).check();
    await page.getByLabel('Action', { exact: true }).selectOption('suspend');
    await page.locator('#bulk-comment').fill('audit');
    await page.getByRole('button', { name: 'Appliquer à la sélection' }).click();
    await page.waitForSelector('text=Vous allez suspendre 3 sources :');
    expect(await page.locator('form.bulk-confirm ul.confirm-list > li').allInnerTexts()).toEqual([
      'ac-besancon.fr — Académie de Besançon active reprise des données Etalab',
      'besancon.fr — Ville de Besançon active reprise des données Etalab',
      'mairie-lyon.fr — Mairie de Lyon active catégorie à confirmer',
    ]);
    expect(await page.locator('#bulk-comment').inputValue()).toBe('audit');
    for (const id of IDS) expect((await sourceById(fixture.db, id))?.status).toBe('active');
    problems.push(...(await problemsAtEveryWidth(page, 'confirmation')));

    await page.getByRole('button', { name: 'Confirmer' }).click();
    await page.waitForURL(/\/sources\?done=bulk&changed=3&unchanged=0&batch=[\w-]+$/);
    expect(await page.getByRole('status').innerText()).toBe('3 sources modifiées.');
    expect(await page.getByRole('link', { name: 'Voir ce lot dans l’activité, où vous pouvez le défaire d’un coup' }).count()).toBe(1);
    for (const id of IDS) expect((await sourceById(fixture.db, id))?.status).toBe('suspended');

    await page.getByRole('link', { name: 'Activité', exact: true }).click();
    await page.waitForURL(`${url}/activity`);
    const batchLines = page.locator('.events > li.batch-line');
    expect(await batchLines.count()).toBe(1);
    expect(await page.locator('.events > li').count()).toBe(2); // the batch, and the seed
    expect(await batchLines.first().innerText()).toContain('Action groupée « Suspendre » — 3 sources modifiées');
    problems.push(...(await problemsAtEveryWidth(page, 'activité')));

    // Filter with the keyboard: the person, then Tab to « Filtrer » and Enter.
    await page.getByLabel('Personne').focus();
    await page.getByLabel('Personne').selectOption('curator@example.org');
    await tabTo(page, 'button:text("Filtrer")');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${url}/activity?actor=curator%40example.org&from=&to=&action=&batch=`);
    expect(await page.locator('.events > li').count()).toBe(1);
    problems.push(...(await problemsAtEveryWidth(page, 'activité filtrée')));

    await batchLines.first().getByRole('link', { name: 'Voir les 3 modifications de ce lot' }).click();
    await page.waitForURL(/\/activity\?batch=[\w-]+$/);
    expect(await page.locator('.events > li').count()).toBe(3);
    problems.push(...(await problemsAtEveryWidth(page, 'modifications du lot')));

    await page.getByLabel('Pourquoi défaire ce lot (facultatif)').fill('mauvaise sélection');
    await page.getByRole('button', { name: /^Défaire ce lot/ }).click();
    await page.waitForURL(/\/activity\?batch=[\w-]+&done=undone&count=3$/);
    expect(await page.getByRole('status').innerText()).toContain('Le lot a été défait : 3 sources ont retrouvé leur état d’avant.');
    for (const id of IDS) expect((await sourceById(fixture.db, id))?.status).toBe('active');
    const { events } = await recentEvents(fixture.db, { limit: 3 });
    expect(events.map((event) => event.action)).toEqual(['revert', 'revert', 'revert']);
    problems.push(...(await problemsAtEveryWidth(page, 'lot défait')));

    await page.goto(`${url}/sources`);
    expect(await page.locator('table.sources tbody tr', { hasText: 'mairie-lyon.fr' }).innerText()).toContain('active');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('asks for the same confirmation without JavaScript, and « Annuler » changes nothing', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false });
    const page = await signIn(context, '/sources');
    const before = (await recentEvents(fixture.db, { limit: 1 })).events[0].id;
    const status = (await sourceById(fixture.db, 'syj66jel4pyz'))?.status;
    await page.getByLabel('Sélectionner besancon.fr', { exact: true }).check();
    await page.getByLabel('Sélectionner mairie-lyon.fr', { exact: true }).check();
    await page.getByLabel('Action', { exact: true }).selectOption('remove');
    await page.getByRole('button', { name: 'Appliquer à la sélection' }).click();
    await page.waitForSelector('text=Vous allez retirer 2 sources de la liste :');
    await page.getByRole('link', { name: 'Annuler' }).click();
    await page.waitForURL(`${url}/sources`);
    expect((await recentEvents(fixture.db, { limit: 1 })).events[0].id).toBe(before);
    expect((await sourceById(fixture.db, 'syj66jel4pyz'))?.status).toBe(status);
    await context.close();
  });
});
