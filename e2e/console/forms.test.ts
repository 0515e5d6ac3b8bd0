/**
 * The source form and the CSV import as a French curator uses them, in a real browser (Debian's
 * Chromium through playwright-core), against the app served over HTTP on loopback with a temporary
 * database: an address pasted from the browser's address bar becomes a hostname the form shows
 * before saving; a French spreadsheet saved with « ; » is previewed (defaults and errors said on
 * their lines) and applied. Every changed page is checked with axe-core at desktop width and at
 * 390 px: no serious or critical violation, and no sideways scrolling on the forms.
 */
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceById } from '../../curation-server/sources/source-store.ts';
import { type ConsoleFixture, consoleFixture, PASSWORD } from '../../curation-server/testing/console-client.ts';
import { launchConsoleBrowser, problemsAtEveryWidth, type ServedConsole, serveConsole, signIn as signInAs, WIDTHS } from './console-browser.ts';

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

const signIn = (context: BrowserContext): Promise<Page> => signInAs(context, url, { email: 'curator@example.org', password: PASSWORD, landing: '/sources' });

/** Whether the page's form (not its wide tables, which scroll in their own box) fits the width. */
async function formFits(page: Page, selector: string): Promise<boolean> {
  await page.setViewportSize(WIDTHS['390 px']);
  const fits = await page.locator(selector).evaluate((form) => form.getBoundingClientRect().right <= window.innerWidth + 1);
  await page.setViewportSize(WIDTHS['1280 px']);
  return fits;
}

describe('source forms and imports in a browser', () => {
  it('reads an address pasted from the browser as its hostname, shows it, and saves it once seen', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: WIDTHS['1280 px'], permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await signIn(context);
    await page.getByRole('link', { name: 'Ajouter une source' }).click();
    const violations = await problemsAtEveryWidth(page, 'ajout, formulaire vide');
    expect(await formFits(page, 'form.source-form')).toBe(true);
    // Nothing is preset: category and status wait for a choice.
    expect(await page.getByLabel('Catégorie').inputValue()).toBe('');
    expect(await page.getByLabel('Statut').inputValue()).toBe('');

    // Pasted, as from the address bar (the clipboard, then Ctrl+V in the field).
    await page.evaluate(() => navigator.clipboard.writeText('https://www.Mairie-Collee.fr/accueil'));
    await page.getByLabel('Nom d’hôte').focus();
    await page.keyboard.press('ControlOrMeta+V');
    expect(await page.getByLabel('Nom d’hôte').inputValue()).toBe('https://www.Mairie-Collee.fr/accueil');
    await page.getByLabel('Portée').selectOption('host');
    await page.getByLabel('Catégorie').selectOption('commune');
    await page.getByLabel('Statut').selectOption('active');
    await page.getByLabel('Organisation').fill('Mairie de Collée');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForSelector('#field-host-note');
    expect(await page.locator('#field-host-note').innerText()).toBe(
      'Adresse collée « https://www.Mairie-Collee.fr/accueil » comprise comme le nom d’hôte « mairie-collee.fr » ; son chemin « /accueil » n’est pas retenu (il ne l’est qu’avec la portée « un chemin de cet hôte »). Vérifiez, puis enregistrez.',
    );
    expect(await page.getByLabel('Nom d’hôte').inputValue()).toBe('mairie-collee.fr');
    expect(await page.getByLabel('Nom d’hôte').getAttribute('aria-describedby')).toBe('field-host-hint field-host-note');
    expect(await page.getByLabel('Catégorie').inputValue()).toBe('commune');
    violations.push(...(await problemsAtEveryWidth(page, 'ajout, adresse comprise')));
    expect(await fixture.db.selectFrom('sources').select('id').where('host', '=', 'mairie-collee.fr').executeTakeFirst()).toBeUndefined();

    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/\/sources\/c[a-z2-7]{11}\?done=created$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('mairie-collee.fr');
    const id = new URL(page.url()).pathname.split('/')[2];
    expect(await sourceById(fixture.db, id)).toMatchObject({ host: 'mairie-collee.fr', scope: 'host', category: 'commune', status: 'active', name: 'Mairie de Collée' });

    // A platform's own address is refused whatever the scope, saying why.
    await page.goto(`${url}/sources/new`);
    await page.getByLabel('Nom d’hôte').fill('wordpress.com');
    await page.getByLabel('Portée').selectOption('host');
    await page.getByLabel('Catégorie').selectOption('commune');
    await page.getByLabel('Statut').selectOption('active');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForSelector('.error-summary');
    expect(await page.locator('#field-host-error').innerText()).toContain('« wordpress.com » est l\'adresse d\'une plateforme d\'hébergement partagée');
    violations.push(...(await problemsAtEveryWidth(page, 'ajout refusé (plateforme)')));
    expect(violations).toEqual([]);
    await context.close();
  });

  it('imports a French spreadsheet saved with « ; »: preview with defaults and errors on their lines, then apply', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: WIDTHS['1280 px'] });
    const page = await signIn(context);
    await page.getByRole('link', { name: 'Importer' }).click();
    const violations = await problemsAtEveryWidth(page, 'import');
    expect(await formFits(page, 'form.import-form')).toBe(true);

    // As French Excel saves it: « ; », Windows-1252, French headers and words.
    const wrong = Buffer.from('Site;Portée;Catégorie;Statut;Nom\r\nmairie-tableur.fr;Cet hôte uniquement;Commune;Active;Mairie du Tableur\r\nmairie-faute.fr;;Comune;;\r\n', 'latin1');
    await page.getByLabel('Fichier CSV').setInputFiles({ name: 'communes.csv', mimeType: 'text/csv', buffer: wrong });
    await page.getByRole('button', { name: 'Analyser le fichier' }).click();
    await page.waitForURL(/\/import\/[\w-]+$/);
    expect(await page.locator('.import-counts').innerText()).toMatch(/1\s*ajoutée\s*0\s*modifiée\s*0\s*inchangée\s*1\s*en erreur/);
    const errorRow = await page.locator('section[aria-labelledby="errors-title"] tbody tr').innerText();
    expect(errorRow).toContain('3');
    expect(errorRow).toContain('mairie-faute.fr');
    expect(errorRow).toContain('Valeur « Comune » inconnue dans la colonne catégorie. Valeurs permises : « commune »');
    expect(await page.getByRole('button', { name: /^Appliquer l’import/ }).count()).toBe(0);
    violations.push(...(await problemsAtEveryWidth(page, 'aperçu avec erreur')));

    await page.getByRole('link', { name: 'Importer un autre fichier' }).click();
    const right = Buffer.from('\uFEFFSite;Catégorie;Nom\r\nmairie-tableur.fr;Commune;Mairie du Tableur\r\nmairie-suite.fr;commune;Mairie de la Suite\r\n', 'utf8');
    await page.getByLabel('Fichier CSV').setInputFiles({ name: 'communes.csv', mimeType: 'text/csv', buffer: right });
    await page.getByRole('button', { name: 'Analyser le fichier' }).click();
    await page.waitForURL(/\/import\/[\w-]+$/);
    expect(await page.locator('.import-counts').innerText()).toMatch(/2\s*ajoutées\s*0\s*modifiée/);
    const added = await page.locator('section[aria-labelledby="added-title"] tbody').innerText();
    expect(added).toMatch(/mairie-suite\.fr\s+cet hôte uniquement\s*\(par défaut\)/);
    expect(added).toMatch(/active\s*\(par défaut\)/);
    violations.push(...(await problemsAtEveryWidth(page, 'aperçu à appliquer')));
    await page.getByRole('button', { name: 'Appliquer l’import (2 ajouts, 0 modification)' }).click();
    await page.waitForURL(/\/activity\?batch=[\w-]+&done=imported$/);
    expect(await page.locator('.events').innerText()).toContain('mairie-suite.fr');
    const imported = await fixture.db.selectFrom('sources').selectAll().where('host', 'in', ['mairie-tableur.fr', 'mairie-suite.fr']).orderBy('host').execute();
    expect(imported.map((source) => [source.host, source.scope, source.category, source.status, source.name])).toEqual([
      ['mairie-suite.fr', 'host', 'commune', 'active', 'Mairie de la Suite'],
      ['mairie-tableur.fr', 'host', 'commune', 'active', 'Mairie du Tableur'],
    ]);
    expect(violations).toEqual([]);
    await context.close();
  });
});
