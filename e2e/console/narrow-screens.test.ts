/**
 * Every console page at a phone's width (390 px), in real Chromium (Debian's, through
 * playwright-core), against the app served on loopback with a temporary database holding a bit of
 * everything (sources, an import preview, a publication to preview, review items, a crawler run,
 * Atlaas records): no page scrolls sideways — wide tables scroll inside their own box — and axe-core
 * finds no serious or critical violation. The source page's badge preview is there, drawn in its
 * shadow root, and accessible.
 */
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { makeValidSource } from '../../corpus/testing/make-source.ts';
import { importActionFile } from '../../curation-server/atlaas/action-import.ts';
import { importActors } from '../../curation-server/atlaas/actor-import.ts';
import { currentActorIds } from '../../curation-server/atlaas/atlaas-setup.ts';
import { linkContext, refreshLinks } from '../../curation-server/atlaas/source-links.ts';
import { SYSTEM_ACTOR } from '../../curation-server/auth/actor.ts';
import { reviewQueueSink } from '../../curation-server/review/review-queue.ts';
import { setStatus } from '../../curation-server/sources/source-commands.ts';
import { divisionsOf } from '../../curation-server/testing/atlaas-fixture.ts';
import { type ConsoleFixture, consoleFixture, PASSWORD } from '../../curation-server/testing/console-client.ts';
import { tableCrawlControl } from '../../curation-server/testing/table-crawl-control.ts';
import { SAMPLE_SOURCES } from '../../curation-server/testing/temp-database.ts';
import { launchConsoleBrowser, type ServedConsole, serveConsole, seriousViolations, signIn as signInAs } from './console-browser.ts';

const PHONE = { width: 390, height: 844 };
const DEPARTEMENTS = ['25', '42', '56', '69', '91'];
const EXAMPLE = readFileSync(new URL('../../curation-server/atlaas/example/atlaas-export.ndjson', import.meta.url), 'utf8');

let fixture: ConsoleFixture;
let server: ServedConsole;
let url: string;
let browser: Browser;
const control = tableCrawlControl(() => fixture.db);

beforeAll(async () => {
  // A long hostname and name, as real ones are: they must wrap, not widen the page.
  const long = makeValidSource('mediatheque-intercommunale-du-pays-de-la-haute-vallee.communaute-de-communes-exemple.fr', {
    id: 'slongname0001',
    scope: 'host',
    category: 'intercommunalite',
    name: 'Médiathèque intercommunale du Pays de la Haute-Vallée et des Coteaux réunis',
    provenance: 'etalab/epci,etalab/verified,redirect-from:ancienne-mediatheque-intercommunale-de-la-haute-vallee.fr',
  });
  const vannes = makeValidSource('mairie-vannes.fr', { id: 'svannes00001', provenance: 'etalab/verified' });
  fixture = await consoleFixture({ sources: [...SAMPLE_SOURCES, long, vannes], crawlControl: control, signingKey: true });
  await control.ready();
  await control.addRun({
    started_at: '2026-11-30T02:00:00.000Z',
    finished_at: '2026-11-30T03:00:00.000Z',
    state: 'done',
    checked: 7,
    total: 7,
    outcomes: JSON.stringify({ ok: 4, moved: 1, unreachable: 1, suspicious: 1 }),
    started_by: 'système',
  });
  const sink = reviewQueueSink(fixture.db);
  await sink.record({
    sourceId: 'sk3kwbhz3cg2',
    host: 'ain.gouv.fr',
    outcome: 'moved',
    evidence: { hops: [{ url: 'https://ain.gouv.fr/une/adresse/assez/longue/pour/deborder/de/la/largeur/d/un/telephone', status: 301, location: 'https://www.ain.pref.gouv.fr/' }], status: 200, title: "Les services de l'État dans l'Ain" },
    suggestion: { host: 'ain.pref.gouv.fr' },
    checkedAt: '2026-11-30T02:30:00.000Z',
    runId: 1,
  });
  await importActors(fixture.db, divisionsOf(DEPARTEMENTS));
  await refreshLinks(fixture.db, linkContext(divisionsOf(DEPARTEMENTS), await currentActorIds(fixture.db), new Map()));
  const imported = await importActionFile(fixture.db, EXAMPLE);
  if (!imported.ok) throw new Error(JSON.stringify(imported.issues));
  // A version online, then changes for the publication page to preview.
  await fixture.publisher.publish(SYSTEM_ACTOR, { comment: 'première version' });
  await setStatus(fixture.db, SYSTEM_ACTOR, ['sxcmuyhvlacd'], 'suspended', 'site injoignable');
  await setStatus(fixture.db, SYSTEM_ACTOR, ['stfree000001'], 'removed', 'hébergeur partagé');
  await fixture.as('admin');
  server = await serveConsole(fixture.app);
  url = server.url;
  browser = await launchConsoleBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fixture?.close();
});

const signIn = (context: BrowserContext): Promise<Page> => signInAs(context, url, { email: 'admin@example.org', password: PASSWORD, landing: '/sources' });

/** What is wrong with the page as it is at 390 px: sideways scrolling (with the widest elements), serious or critical axe violations. */
async function problemsAt390(page: Page, name: string): Promise<string[]> {
  const problems: string[] = [];
  const width = await page.evaluate(() => {
    const inner = window.innerWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > inner + 0.5 && element.closest('.table-scroll') === null)
      .slice(0, 3)
      .map((element) => `${element.tagName.toLowerCase()}${element.className === '' ? '' : `.${String(element.className).split(' ').join('.')}`}`);
    return { scroll: document.documentElement.scrollWidth, inner, wide };
  });
  if (width.scroll > width.inner) problems.push(`${name}: scrollWidth ${width.scroll} > innerWidth ${width.inner} (${width.wide.join(', ')})`);
  problems.push(...(await seriousViolations(page, name)));
  return problems;
}

describe('the console at 390 px', () => {
  it('can be checked: a page wider than the screen is caught', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await page.setContent('<html lang="fr"><title>t</title><main><p style="width: 600px">trop large</p></main></html>');
    expect(await problemsAt390(page, 'sonde')).toEqual([expect.stringMatching(/^sonde: scrollWidth 60\d > innerWidth 390 \(p\)$/)]);
    await context.close();
  });

  it('scrolls no page sideways, and no page has a serious or critical axe violation', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: PHONE });
    const page = await signIn(context);
    const problems: string[] = [];
    const visit = async (name: string, open: () => Promise<unknown>) => {
      await open();
      problems.push(...(await problemsAt390(page, name)));
    };
    const go = (path: string) => () => page.goto(`${url}${path}`);

    await visit('sources', go('/sources'));
    await visit('sources, recherche', go('/sources?q=besancon&status=active'));
    await visit('source', go('/sources/slongname0001'));
    await visit('source sur un chemin', go('/sources/stgsite00001'));
    await visit('modification refusée', async () => {
      await page.goto(`${url}/sources/syj66jel4pyz`);
      await page.locator('form.source-form').getByLabel('Nom d’hôte').fill('pas un nom');
      await page.locator('form.source-form').getByRole('button', { name: 'Enregistrer' }).click();
      await page.waitForSelector('.error-summary');
    });
    await visit('ajout', go('/sources/new'));
    await visit('ajout refusé', async () => {
      await page.getByLabel('Nom d’hôte').fill('pas un nom');
      await page.getByLabel('Catégorie').selectOption('commune');
      await page.getByLabel('Statut').selectOption('active');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.waitForSelector('.error-summary');
    });
    await visit('import', go('/import'));
    await visit('aperçu d’import', async () => {
      await page.getByLabel('Ou collez le contenu du fichier').fill(
        'host;portée;catégorie;statut;organisation\nmairie-etroite.fr;host;commune;active;Mairie étroite\nune-adresse-vraiment-tres-longue-pour-un-petit-ecran.example-de-commune.fr;;commune;;\npas un nom;;;;\n',
      );
      await page.getByRole('button', { name: 'Analyser le fichier' }).click();
      await page.waitForURL(/\/import\/[\w-]+$/);
    });
    await visit('activité', go('/activity'));
    await visit('administration', go('/admin'));
    await visit('comptes', go('/admin/users'));
    await visit('jetons d’API', go('/admin/tokens'));
    await visit('publication (aperçu)', go('/admin/publications'));
    await visit('file de revue', go('/review'));
    await visit('file de revue, décidés', go('/review?state=decided'));
    await visit('passages du robot', go('/crawl-runs'));
    await visit('un passage', go('/crawl-runs/1'));
    await visit('Atlaas, recherche', go('/atlaas?q=saint'));
    await visit('Atlaas, fiche', go('/atlaas/actors/commune:42218'));
    await visit('Atlaas, actions', go('/atlaas/actions'));
    await visit('Atlaas, liens', go('/atlaas/links'));
    await visit('liste en anglais', go('/sources?lang=en'));
    await visit('signalement (public)', go('/signaler?lang=fr'));
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/login\?done=logout$/);
    await visit('connexion', go('/login'));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the source’s badge as the extension draws it, in its shadow root, opened by keyboard', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: PHONE });
    const page = await signIn(context);
    await page.goto(`${url}/sources/stlyon0000001`);
    const badge = page.locator('.badge-preview').first();
    // The extension's styles reached the shadow root: the pill's border is the extension's green.
    await expect.poll(() => badge.locator('button').first().evaluate((button) => getComputedStyle(button).borderTopColor)).toBe('rgb(24, 117, 60)');
    const button = page.getByRole('button', { name: "Source de confiance : site d'une commune — Mairie de Lyon" }).first();
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const details = badge.locator('.details');
    expect(await details.isVisible()).toBe(true);
    expect(await details.innerText()).toContain('Site officiel : Mairie de Lyon — commune');
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    const link = page.getByRole('link', { name: 'Ouvrir https://mairie-lyon.fr/ (nouvel onglet)' });
    expect(await link.getAttribute('target')).toBe('_blank');
    const results = await new AxeBuilder({ page }).include('.badge-previews').analyze();
    expect(results.violations.map((violation) => `${violation.id} (${violation.impact})`)).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(0);
    await context.close();
  });
});
