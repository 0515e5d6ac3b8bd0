/**
 * Accounts in the console, in a real browser (Debian's Chromium through playwright-core), against
 * the app served over HTTP on loopback with a temporary database and a clock the test moves: an
 * administrator invites a curator, who opens the one-time link, chooses a password, signs in and
 * edits a source; the link never opens twice, nor after 72 hours; the administrator resets the
 * curator's password (temporary, shown once, which opens only the page that replaces it) and
 * disables the account; a curator gets 403 on the administration pages. Every new page is checked
 * with axe-core at 1280 and 390 px (no serious or critical violation) and for sideways scrolling.
 */
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userByEmail } from '../../curation-server/auth/users.ts';
import { sourceById } from '../../curation-server/sources/source-store.ts';
import { type ConsoleFixture, consoleFixture, PASSWORD } from '../../curation-server/testing/console-client.ts';
import { launchConsoleBrowser, problemsAtEveryWidth, type ServedConsole, serveConsole, signIn as signInAs, WIDTHS } from './console-browser.ts';

const CURATOR = 'camille.martin@example.org';
const CHOSEN = 'trois mots pour camille';
const HOUR = 60 * 60 * 1000;

let fixture: ConsoleFixture;
let server: ServedConsole;
let url: string;
let browser: Browser;
let clock: Date;

beforeAll(async () => {
  clock = new Date();
  fixture = await consoleFixture({ now: () => clock });
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

const signIn = (context: BrowserContext, email: string, password: string): Promise<Page> => signInAs(context, url, { email, password });

describe('accounts in a browser', () => {
  it('invites a curator, who chooses a password and edits; resets and disables; links open once and expire; 403 for non-admins', async () => {
    const adminContext = await browser.newContext({ locale: 'fr-FR', viewport: WIDTHS['1280 px'] });
    const admin = await signIn(adminContext, 'admin@example.org', PASSWORD);
    await admin.getByRole('link', { name: 'Administration' }).click();
    await admin.getByRole('link', { name: 'Comptes' }).click();
    await admin.waitForURL(`${url}/admin/users`);
    const problems = await problemsAtEveryWidth(admin, 'comptes');

    // A new account: nothing is preset, the role and the way in are chosen.
    expect(await admin.getByLabel('Rôle').inputValue()).toBe('');
    await admin.getByLabel('Adresse électronique').fill(CURATOR);
    await admin.getByLabel('Rôle').selectOption('curator');
    await admin.getByLabel(/^Lien d’invitation à usage unique/).check();
    await admin.getByRole('button', { name: 'Créer le compte' }).click();
    await admin.waitForSelector('#handover-secret');
    expect(await admin.getByRole('heading', { level: 1 }).textContent()).toBe(`Compte créé : ${CURATOR}`);
    const link = (await admin.locator('#handover-secret').textContent()) ?? '';
    expect(link).toMatch(new RegExp(`^${url}/account/setup\\?token=[\\w-]{43}$`));
    problems.push(...(await problemsAtEveryWidth(admin, 'lien d’invitation affiché')));

    // The curator opens the link, chooses a password, signs in and edits a source.
    const curatorContext = await browser.newContext({ locale: 'fr-FR', viewport: WIDTHS['1280 px'] });
    const curator = await curatorContext.newPage();
    await curator.goto(link);
    expect(await curator.getByRole('heading', { level: 1 }).textContent()).toBe('Bienvenue : choisissez votre mot de passe');
    problems.push(...(await problemsAtEveryWidth(curator, 'invitation')));
    await curator.getByLabel('Nouveau mot de passe').fill(CHOSEN);
    await curator.getByLabel('Le même mot de passe, une seconde fois').fill('pas tout à fait le même');
    await curator.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
    await curator.waitForSelector('.error-summary');
    expect(await curator.locator('#field-confirmation-error').innerText()).toBe('Les deux mots de passe ne sont pas identiques.');
    problems.push(...(await problemsAtEveryWidth(curator, 'invitation, mots de passe différents')));
    await curator.getByLabel('Nouveau mot de passe').fill(CHOSEN);
    await curator.getByLabel('Le même mot de passe, une seconde fois').fill(CHOSEN);
    await curator.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
    await curator.waitForURL(`${url}/login?done=passwordSet`);
    expect(await curator.getByRole('status').innerText()).toContain('Votre mot de passe est enregistré');
    await curator.getByLabel('Adresse électronique').fill(CURATOR);
    await curator.getByLabel('Mot de passe').fill(CHOSEN);
    await curator.getByRole('button', { name: 'Se connecter' }).click();
    await curator.waitForURL(`${url}/sources`);
    await curator.goto(`${url}/sources/syj66jel4pyz`);
    await curator.locator('#status-new').selectOption('suspended');
    await curator.getByRole('button', { name: 'Changer le statut' }).click();
    await curator.waitForURL(/done=status/);
    expect((await sourceById(fixture.db, 'syj66jel4pyz'))?.status).toBe('suspended');

    // Not an administrator: 403 on the administration pages.
    const id = (await userByEmail(fixture.db, CURATOR))?.id;
    for (const path of ['/admin', '/admin/users', `/admin/users/${id}`, '/admin/tokens', '/admin/publications']) {
      expect((await curator.goto(`${url}${path}`))?.status(), path).toBe(403);
    }

    // The curator's own password, from the header: the current one is asked first.
    await curator.goto(`${url}/sources`);
    await curator.getByRole('link', { name: 'Changer de mot de passe' }).click();
    await curator.waitForURL(`${url}/account/password`);
    expect(await curator.getByRole('heading', { level: 1 }).textContent()).toBe('Changer de mot de passe');
    problems.push(...(await problemsAtEveryWidth(curator, 'changer de mot de passe')));
    await curator.getByLabel('Mot de passe actuel').fill('pas le bon');
    await curator.getByLabel('Nouveau mot de passe').fill('une autre phrase de passe');
    await curator.getByLabel('Le même mot de passe, une seconde fois').fill('une autre phrase de passe');
    await curator.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
    await curator.waitForSelector('.error-summary');
    expect(await curator.locator('#field-current-error').innerText()).toBe('Mot de passe actuel incorrect.');
    problems.push(...(await problemsAtEveryWidth(curator, 'changer de mot de passe, mot de passe actuel faux')));

    // The link does not open a second time.
    const stranger = await (await browser.newContext({ locale: 'fr-FR', viewport: WIDTHS['1280 px'] })).newPage();
    expect((await stranger.goto(link))?.status()).toBe(410);
    expect(await stranger.locator('main').innerText()).toContain('Ce lien ne fonctionne plus');
    problems.push(...(await problemsAtEveryWidth(stranger, 'lien déjà utilisé')));

    // The administrator resets the password (a temporary one), after a confirmation: the curator's session closes.
    await admin.goto(`${url}/admin/users`);
    await admin.getByRole('link', { name: `Gérer le compte ${CURATOR}` }).click();
    await admin.waitForURL(`${url}/admin/users/${id}`);
    expect(await admin.locator('main').innerText()).toContain('a accepté l’invitation et choisi son mot de passe');
    problems.push(...(await problemsAtEveryWidth(admin, 'compte')));
    await admin.getByLabel('Mot de passe temporaire, à remplacer à la prochaine connexion').check();
    await admin.getByRole('button', { name: 'Réinitialiser le mot de passe…' }).click();
    expect(await admin.getByRole('heading', { level: 1 }).textContent()).toBe(`Réinitialiser le mot de passe de ${CURATOR} ?`);
    problems.push(...(await problemsAtEveryWidth(admin, 'confirmation de réinitialisation')));
    await admin.getByRole('button', { name: 'Oui, réinitialiser' }).click();
    await admin.waitForSelector('#handover-secret');
    const temporary = (await admin.locator('#handover-secret').textContent()) ?? '';
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    problems.push(...(await problemsAtEveryWidth(admin, 'mot de passe temporaire affiché')));
    await curator.goto(`${url}/sources`);
    await curator.waitForURL(/\/login/);

    // Signed in with the temporary password, the curator is asked for a new one before anything else.
    const again = await signIn(curatorContext, CURATOR, temporary);
    await again.waitForURL(`${url}/account/password`);
    problems.push(...(await problemsAtEveryWidth(again, 'mot de passe à remplacer')));
    await again.goto(`${url}/sources`);
    expect(again.url()).toBe(`${url}/account/password`);

    // Then the administrator disables the account, after a confirmation: that session closes too, and no sign-in works.
    await admin.getByRole('link', { name: `Gérer le compte ${CURATOR}` }).click();
    await admin.getByRole('button', { name: 'Désactiver le compte…' }).click();
    expect(await admin.getByRole('heading', { level: 1 }).textContent()).toBe(`Désactiver le compte ${CURATOR} ?`);
    problems.push(...(await problemsAtEveryWidth(admin, 'confirmation de désactivation')));
    await admin.getByRole('button', { name: 'Oui, désactiver' }).click();
    await admin.waitForURL(`${url}/admin/users/${id}?done=accountUpdated`);
    expect(await admin.locator('.details').innerText()).toContain('désactivé');
    await again.goto(`${url}/account/password`);
    await again.waitForURL(/\/login/);
    const refused = await signIn(curatorContext, CURATOR, temporary);
    expect(await refused.locator('.error-summary').innerText()).toContain('Adresse électronique ou mot de passe incorrect.');

    // An invitation not used within 72 hours no longer opens.
    await admin.goto(`${url}/admin/users`);
    await admin.getByLabel('Adresse électronique').fill('en.retard@example.org');
    await admin.getByLabel('Rôle').selectOption('reader');
    await admin.getByLabel(/^Lien d’invitation à usage unique/).check();
    await admin.getByRole('button', { name: 'Créer le compte' }).click();
    const late = (await admin.locator('#handover-secret').textContent()) ?? '';
    clock = new Date(clock.getTime() + 72 * HOUR);
    const latePage = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    expect((await latePage.goto(late))?.status()).toBe(410);

    expect(problems).toEqual([]);
  });
});
