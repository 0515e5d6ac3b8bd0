/**
 * The console in a real browser (Debian's Chromium through playwright-core), against the server
 * started with `npm start`: the administrator is created with `npm run user`, then signs in, adds a
 * source, edits it, reverts the edit, imports a CSV file (preview, then apply) and publishes the
 * list — with JavaScript off, since the core flows must not need it. The first start has already
 * published a signed version 1 with a key it created. Every console page is then checked with
 * axe-core (JavaScript on): no serious or critical violation.
 */
import { launchConsoleBrowser } from './console-browser.ts';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientSources } from '../../corpus/corpus-text.ts';
import { readSeedCorpus } from '../../corpus/node/seed-corpus-file.ts';
import { readManifest } from '../../corpus/list/manifest.ts';
import { readSigningKeyDirectory } from '../../corpus/node/signing-key-files.ts';
import { type RunningServer, runUserCommand, startCurationServer } from '../../curation-server/testing/server-process.ts';

const ADMIN = 'admin@example.org';
const PASSWORD = 'une phrase de passe pour la recette';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startCurationServer();
  browser = await launchConsoleBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}/sources`);
  await expect.poll(() => page.url()).toContain('/login?next=%2Fsources');
  await page.getByLabel('Adresse électronique').fill(ADMIN);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(`${server.url}/sources`);
  return page;
}

describe('the curation console in a browser', () => {
  it('starts with a seeded list and no account: the first administrator comes from the command line', async () => {
    expect(server.output()).toContain(`Base créée et remplie avec ${readSeedCorpus().sources.length} sources du corpus initial`);
    expect(server.output()).toContain('Aucun administrateur : créez le premier avec');
    const created = await runUserCommand(server.databasePath, ['add', ADMIN, '--role', 'admin'], `${PASSWORD}\n`);
    // Standard output and error in arrival order: the result, and the database it was made in.
    expect(created).toMatchObject({ code: 0, output: expect.stringContaining(`Compte créé : ${ADMIN} (admin).\n`) });
    expect(created.output).toContain(`Base : ${server.databasePath}\n`);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('creates a signing key on first start (owner-only) and publishes a first signed list under /v1/', async () => {
    expect(server.output()).toMatch(/Clé de signature k[0-9a-f]{16} créée/);
    expect(server.output()).toContain(`Liste signée publiée : version 1, ${clientSources(readSeedCorpus().sources).length} sources`);
    const keys = await readSigningKeyDirectory(join(server.directory, 'keys'));
    expect(keys).toHaveLength(1);
    expect(statSync(join(server.directory, 'keys', `${keys[0].keyId}.private.pem`)).mode & 0o777).toBe(0o600);
    const reading = await readManifest(await (await fetch(`${server.url}/v1/manifest.json`)).text(), [keys[0].publicKey]);
    expect(reading.ok && reading.manifest.version).toBe(1);
  });

  it('signs in, adds a source, edits it, reverts the edit, imports a CSV file and publishes the list, without JavaScript', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false });
    const page = await signIn(context);
    // French digit grouping uses a narrow no-break space.
    const seeded = String(readSeedCorpus().sources.length).replace(/\B(?=(\d{3})+$)/g, '\\s');
    expect(await page.locator('.result-summary strong').textContent()).toMatch(new RegExp(`^${seeded} sources$`));

    // Add a source.
    await page.getByRole('link', { name: 'Ajouter une source' }).click();
    await page.getByLabel('Nom d’hôte').fill('www.mairie-recette.fr');
    await page.getByLabel('Portée').selectOption('host');
    await page.getByLabel('Catégorie').selectOption('commune');
    await page.getByLabel('Statut').selectOption('active');
    await page.getByLabel('Organisation').fill('Mairie de Recette');
    await page.getByLabel('Code INSEE ou SIREN').fill('01999');
    await page.getByLabel('Commentaire (facultatif)').fill('nouvelle commune');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/\/sources\/c[a-z2-7]{11}\?done=created$/);
    const sourcePath = new URL(page.url()).pathname;
    await expect.poll(() => page.getByRole('status').textContent()).toContain('La source a été ajoutée.');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('mairie-recette.fr');

    // Edit it.
    await page.getByLabel('Organisation').fill('Mairie de la Recette');
    await page.locator('form.source-form').getByLabel('Commentaire (facultatif)').fill('nom complet');
    await page.locator('form.source-form').getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(`${server.url}${sourcePath}?done=updated`);
    expect(await page.locator('.events > li').first().textContent()).toContain('Mairie de la Recette');

    // Revert the edit (the newest event of the history).
    const revert = page.locator('.events > li').first().getByRole('button', { name: /^Défaire l’événement n° \d+$/ });
    await revert.click();
    await page.waitForURL(`${server.url}${sourcePath}?done=reverted`);
    expect(await page.getByLabel('Organisation').inputValue()).toBe('Mairie de Recette');
    expect(await page.locator('.events > li').first().textContent()).toContain('retour en arrière');

    // Import a CSV file: preview, then apply.
    await page.getByRole('link', { name: 'Importer' }).click();
    await page.getByLabel('Fichier CSV').setInputFiles({
      name: 'communes.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('host;scope;path;category;status;name;code\nmairie-importee.fr;host;;commune;active;Mairie importée;\nmairie-recette.fr;host;;commune;suspended;Mairie de Recette;01999\n'),
    });
    await page.getByRole('button', { name: 'Analyser le fichier' }).click();
    await page.waitForURL(/\/import\/[\w-]+$/);
    expect(await page.locator('.import-counts').textContent()).toMatch(/1\s*ajoutée\s*1\s*modifiée\s*0\s*inchangée\s*0\s*en erreur/);
    await page.getByRole('button', { name: 'Appliquer l’import (1 ajout, 1 modification)' }).click();
    await page.waitForURL(/\/activity\?batch=[\w-]+&done=imported$/);
    const batch = await page.locator('.events').textContent();
    expect(batch).toContain('mairie-importee.fr');
    expect(batch).toContain('suspension');

    await page.goto(`${server.url}/sources?q=mairie-recette.fr`);
    expect(await page.locator('table.sources tbody tr', { hasText: 'mairie-recette.fr' }).textContent()).toContain('suspendue');

    // Publish: version 2 holds the imported source, not the suspended one.
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Publication de la liste' }).click();
    await page.getByLabel('Commentaire (facultatif)').fill('recette');
    await page.getByRole('button', { name: 'Publier maintenant' }).click();
    await page.waitForURL(`${server.url}/admin/publications?done=published&version=2`);
    expect(await page.getByRole('status').textContent()).toContain('La version 2 a été publiée et signée.');
    const record = await page.locator('tbody tr').first().textContent();
    expect(record).toContain(ADMIN);
    expect(record).toMatch(/1 ajoutée, 0 modifiée, 0 sortie de la liste/);
    const manifest = (await (await fetch(`${server.url}/v1/manifest.json`)).json()) as { signed: { version: number; snapshot: { path: string } } };
    expect(manifest.signed.version).toBe(2);
    const snapshot = await (await fetch(`${server.url}/v1/${manifest.signed.snapshot.path}`)).text();
    expect(snapshot).toContain('\tmairie-importee.fr\t');
    expect(snapshot).not.toContain('\tmairie-recette.fr\t');
    await context.close();
  });

  it('has no serious or critical accessibility violation on any console page', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await signIn(context);
    const sourceId = await page.locator('table.sources tbody th a').first().getAttribute('href');
    const pages: Record<string, () => Promise<unknown>> = {
      'liste des sources': () => page.goto(`${server.url}/sources?q=mairie&status=active`),
      'source': () => page.goto(`${server.url}${sourceId}`),
      'source modifiée (historique)': () => page.goto(`${server.url}/sources?q=recette`).then(() => page.locator('table.sources tbody th a').first().click()),
      'ajout, formulaire en erreur': async () => {
        await page.goto(`${server.url}/sources/new`);
        await page.getByLabel('Nom d’hôte').fill('pas un nom');
        await page.getByLabel('Catégorie').selectOption('commune');
        await page.getByLabel('Statut').selectOption('active');
        await page.getByRole('button', { name: 'Enregistrer' }).click();
        await page.waitForSelector('.error-summary');
      },
      activité: () => page.goto(`${server.url}/activity`),
      import: () => page.goto(`${server.url}/import`),
      'aperçu d’import': async () => {
        await page.getByLabel('Ou collez le contenu du fichier').fill('host,scope,path,category,status,name,code\nmairie-axe.fr,host,,commune,active,Axe,\ngouv.fr,subdomains,,etat,active,,\n');
        await page.getByRole('button', { name: 'Analyser le fichier' }).click();
        await page.waitForURL(/\/import\/[\w-]+$/);
      },
      administration: () => page.goto(`${server.url}/admin`),
      comptes: () => page.goto(`${server.url}/admin/users`),
      'jetons d’API': () => page.goto(`${server.url}/admin/tokens`),
      publication: () => page.goto(`${server.url}/admin/publications`),
      'liste en anglais': () => page.goto(`${server.url}/sources?lang=en`),
      'page introuvable': () => page.goto(`${server.url}/nowhere?lang=fr`),
    };
    // The check can fail: on a page with a known fault, axe reports it.
    const probe = await context.newPage();
    await probe.setContent('<html lang="fr"><title>t</title><main><img src="x.png"><input></main></html>');
    expect((await new AxeBuilder({ page: probe }).analyze()).violations.map((violation) => violation.id)).toEqual(expect.arrayContaining(['image-alt', 'label']));
    await probe.close();

    const violations: string[] = [];
    for (const [name, open] of Object.entries(pages)) {
      await open();
      const results = await new AxeBuilder({ page }).analyze();
      for (const violation of results.violations) {
        if (violation.impact === 'serious' || violation.impact === 'critical') {
          violations.push(`${name}: ${violation.id} (${violation.impact}) — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
        }
      }
    }
    expect(violations).toEqual([]);

    // The sign-in page too, signed out; and the skip link is the first stop of the keyboard.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/login\?done=logout$/);
    const signedOut = await new AxeBuilder({ page }).analyze();
    expect(signedOut.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')).toEqual([]);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu');
    await context.close();
  });

  it('adds a select-all box when JavaScript runs', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await signIn(context);
    await page.getByLabel('Sélectionner toutes les sources de la page').check();
    expect(await page.locator('tbody input[name="ids"]:checked').count()).toBe(50);
    await context.close();
  });
});
