/**
 * The review queue, the public report form and the crawler's runs page in a real browser (Debian's
 * Chromium through playwright-core), against the app served over HTTP on loopback with a temporary
 * database: a member of the public reports a site (JavaScript on, no account); a curator works
 * through the queue with the keyboard only — one-click decisions, then a confirmed batch — and
 * follows a run. Every page is checked with axe-core: no serious or critical violation.
 */
import { launchConsoleBrowser, type ServedConsole, serveConsole, seriousViolations, tabTo } from './console-browser.ts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recentEvents } from '../../curation-server/history/event-log.ts';
import { listReviewItems, reviewQueueSink } from '../../curation-server/review/review-queue.ts';
import { sourceById } from '../../curation-server/sources/source-store.ts';
import { type ConsoleFixture, consoleFixture, PASSWORD } from '../../curation-server/testing/console-client.ts';
import { tableCrawlControl } from '../../curation-server/testing/table-crawl-control.ts';

let fixture: ConsoleFixture;
let server: ServedConsole;
let url: string;
let browser: Browser;
const control = tableCrawlControl(() => fixture.db);

beforeAll(async () => {
  fixture = await consoleFixture({ crawlControl: control });
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
  const checkedAt = '2026-11-30T02:30:00.000Z';
  await sink.record({
    sourceId: 'syj66jel4pyz',
    host: 'besancon.fr',
    outcome: 'suspicious',
    evidence: { dns: { ns: ['ns1.sedoparking.com', 'ns2.sedoparking.com'] }, status: 200, title: 'besancon.fr est à vendre', signals: ['parking-nameserver', 'for-sale-page'] },
    checkedAt,
    runId: 1,
  });
  await sink.record({
    sourceId: 'sk3kwbhz3cg2',
    host: 'ain.gouv.fr',
    outcome: 'moved',
    evidence: { hops: [{ url: 'https://ain.gouv.fr/', status: 301, location: 'https://www.ain.pref.gouv.fr/' }], status: 200, title: "Les services de l'État dans l'Ain" },
    suggestion: { host: 'ain.pref.gouv.fr' },
    checkedAt,
    runId: 1,
  });
  await sink.record({ sourceId: 'sxcmuyhvlacd', host: 'ac-besancon.fr', outcome: 'unreachable', evidence: { dns: { error: 'ENOTFOUND' } }, checkedAt, runId: 1 });
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

describe('the review queue and public reports in a browser', () => {
  it('takes a report from the public, without an account, in French', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${url}/signaler?site=${encodeURIComponent('https://mairie-trifouilly.free.fr')}`);
    expect(await page.getByLabel('Adresse du site').inputValue()).toBe('https://mairie-trifouilly.free.fr');
    const violations = await seriousViolations(page, 'formulaire de signalement');
    // Sent empty of its kind: the form says what is missing (the browser's own check is bypassed).
    await page.locator('form.report-form').evaluate((form) => form.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await page.waitForSelector('.error-summary');
    expect(await page.locator('.error-summary').innerText()).toContain('Choisissez ce qui décrit le mieux le problème.');
    violations.push(...(await seriousViolations(page, 'signalement en erreur')));
    await page.getByLabel('Ce site a changé de propriétaire').check();
    await page.getByLabel('Précisions (facultatif)').fill('La page affiche un casino <b>depuis lundi</b>.');
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await page.waitForURL(`${url}/signaler/merci`);
    expect(await page.getByRole('status').innerText()).toContain('Votre signalement a bien été reçu.');
    violations.push(...(await seriousViolations(page, 'merci')));
    expect(violations).toEqual([]);
    await context.close();
    const reports = await listReviewItems(fixture.db, { state: 'open', kind: 'report', page: 1, perPage: 10 });
    expect(reports.items).toHaveLength(1);
    expect(reports.items[0]).toMatchObject({ reason: 'squatted', host: 'mairie-trifouilly.free.fr', source: { id: 'stfree000001' } });
  });

  it('lets a curator work through the queue with the keyboard, one item and then a confirmed batch', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${url}/review`);
    await page.waitForURL(/\/login\?next=%2Freview$/);
    await page.getByLabel('Adresse électronique').fill('curator@example.org');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${url}/review`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu');
    const violations = await seriousViolations(page, 'file de revue');
    // The evidence is on screen, the report's message as text.
    const queue = await page.locator('main').innerText();
    expect(queue).toContain('ns1.sedoparking.com');
    expect(queue).toContain('La page affiche un casino <b>depuis lundi</b>.');

    // One click (Enter) applies the suggested edit of the moved site.
    await tabTo(page, 'button[aria-label="Appliquer la modification proposée : ain.gouv.fr"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${url}/review?done=decided&count=1`);
    expect(await page.getByRole('status').innerText()).toBe('1 décision enregistrée.');
    expect((await sourceById(fixture.db, 'sk3kwbhz3cg2'))?.host).toBe('ain.pref.gouv.fr');

    // A batch: the suspicious site and the squatted report's source, suspended together after confirmation.
    await tabTo(page, 'input[aria-label="Sélectionner besancon.fr"]');
    await page.keyboard.press('Space');
    await tabTo(page, 'input[aria-label="Sélectionner mairie-trifouilly.free.fr"]');
    await page.keyboard.press('Space');
    await tabTo(page, '#field-action');
    await page.locator('#field-action').selectOption('suspend');
    await tabTo(page, '#review-comment');
    await page.keyboard.type('parking et casino');
    await tabTo(page, 'button:text("Vérifier avant d’appliquer")');
    await page.keyboard.press('Enter');
    await page.waitForSelector('text=Décision « Suspendre » pour 2 éléments');
    violations.push(...(await seriousViolations(page, 'confirmation')));
    expect((await sourceById(fixture.db, 'syj66jel4pyz'))?.status).toBe('active');
    await tabTo(page, 'button:text("Confirmer")');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${url}/review?done=decided&count=2`);
    expect((await sourceById(fixture.db, 'syj66jel4pyz'))?.status).toBe('suspended');
    expect((await sourceById(fixture.db, 'stfree000001'))?.status).toBe('suspended');
    const { events } = await recentEvents(fixture.db, { limit: 2 });
    expect(events[0].batch).not.toBeNull();
    expect(events[0].batch).toBe(events[1].batch);

    // Keep the unreachable one (one blip is no reason to suspend), then read the history.
    await tabTo(page, 'button[aria-label="Garder tel quel : ac-besancon.fr"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${url}/review?done=decided&count=1`);
    expect(await page.locator('main').innerText()).toContain('Rien dans la file pour ces filtres.');
    await page.goto(`${url}/review?state=decided`);
    const decided = await page.locator('main').innerText();
    expect(decided).toContain('Décision : gardée telle quelle, par curator@example.org');
    expect(decided.match(/Décision : suspendue, par curator@example\.org/g)).toHaveLength(2);
    violations.push(...(await seriousViolations(page, 'décisions')));

    // The runs page: a past run, then a new one started and cancelled.
    await page.getByRole('link', { name: 'File de revue' }).click();
    await page.getByRole('link', { name: 'Passages du robot de vérification' }).click();
    await page.waitForURL(`${url}/crawl-runs`);
    expect(await page.getByRole('img', { name: /Résultats des derniers passages/ }).count()).toBe(1);
    violations.push(...(await seriousViolations(page, 'passages')));
    await page.getByLabel('Nombre de sources à vérifier (facultatif)').fill('5');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${url}/crawl-runs/2`);
    expect(await page.locator('#run-progress-text').innerText()).toContain('0 sur 5 sources vérifiées — en cours');
    violations.push(...(await seriousViolations(page, 'passage en cours')));
    await page.getByRole('button', { name: 'Annuler ce passage' }).click();
    await page.waitForURL(`${url}/crawl-runs/2?done=cancelled`);
    expect(await page.getByRole('status').innerText()).toBe('Le passage a été annulé.');
    expect(violations).toEqual([]);
    await context.close();
  });
});
