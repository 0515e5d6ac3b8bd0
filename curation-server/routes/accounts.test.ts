import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tokenDigest } from '../auth/secret-token.ts';
import { userByEmail } from '../auth/users.ts';
import { type ConsoleClient, type ConsoleFixture, consoleFixture, PASSWORD } from '../testing/console-client.ts';

const NEW_PASSWORD = 'une phrase de passe toute neuve';
const HOUR = 60 * 60 * 1000;

let fixture: ConsoleFixture;
let clock: Date;
beforeEach(async () => {
  clock = new Date('2026-12-02T08:00:00Z');
  fixture = await consoleFixture({ now: () => clock });
});
afterEach(async () => {
  await fixture.close();
});

/** The secret the handover page shows once (a link or a temporary password). */
function shownSecret(html: string): string {
  return /<code class="secret" id="handover-secret">([^<]+)<\/code>/.exec(html)?.[1] ?? '';
}

async function invite(admin: ConsoleClient, email: string, role = 'curator'): Promise<string> {
  await admin.page('/admin/users');
  const created = await admin.post('/admin/users', { email, role, method: 'link' });
  expect(created.status).toBe(200);
  const link = shownSecret(await created.text()).replaceAll('&amp;', '&');
  expect(link).toMatch(/^http:\/\/localhost\/account\/setup\?token=[\w-]{43}$/);
  return new URL(link).pathname + new URL(link).search;
}

async function choosePassword(client: ConsoleClient, path: string, password = NEW_PASSWORD, confirmation = password): Promise<Response> {
  const page = await client.page(path);
  if (page.response.status !== 200) return page.response;
  return client.post('/account/setup', { token: new URL(path, 'http://x').searchParams.get('token') ?? '', password, confirmation });
}

describe('accounts in the console', () => {
  it('invites a curator with a one-time link: they choose a password, sign in and can edit; the link never opens again', async () => {
    const admin = await fixture.as('admin');
    const path = await invite(admin, 'Camille.Martin@Example.org');
    const token = new URL(path, 'http://x').searchParams.get('token') ?? '';
    expect((await fixture.db.selectFrom('account_links').select('token_hash').executeTakeFirstOrThrow()).token_hash).toBe(tokenDigest(token));
    expect((await admin.page('/admin/users')).html).not.toContain(token);
    expect((await admin.page('/admin/users')).html).toContain('invitation en attente');

    const invitee = fixture.anonymous();
    const opened = await invitee.page(path);
    expect(opened.response.status).toBe(200);
    expect(opened.html).toContain('Bienvenue : choisissez votre mot de passe');
    expect(opened.html).toContain('Compte camille.martin@example.org.');
    // Refused passwords keep the link usable, and say why under the field.
    const mismatch = await invitee.post('/account/setup', { token, password: NEW_PASSWORD, confirmation: 'autre chose encore' });
    expect(mismatch.status).toBe(422);
    expect(await mismatch.text()).toContain('Les deux mots de passe ne sont pas identiques.');
    const common = await invitee.post('/account/setup', { token, password: 'motdepasse123', confirmation: 'motdepasse123' });
    expect(common.status).toBe(422);
    expect(await common.text()).toContain('Mot de passe trop courant');

    const chosen = await invitee.post('/account/setup', { token, password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
    expect(chosen.status).toBe(303);
    expect(chosen.headers.get('location')).toBe('/login?done=passwordSet');
    expect((await invitee.page('/login?done=passwordSet')).html).toContain('Votre mot de passe est enregistré');
    expect((await invitee.logIn('camille.martin@example.org', NEW_PASSWORD)).status).toBe(303);
    expect((await invitee.post('/sources/syj66jel4pyz/status', { status: 'suspended' })).status).toBe(303);

    const again = fixture.anonymous();
    expect((await again.page(path)).response.status).toBe(410);
    expect((await again.page(path)).html).toContain('Ce lien ne fonctionne plus');
    await again.page('/login');
    expect((await again.post('/account/setup', { token, password: 'je prends la place', confirmation: 'je prends la place' })).status).toBe(410);
    expect((await again.logIn('camille.martin@example.org', 'je prends la place')).status).toBe(401);

    const journal = (await admin.page('/admin/users')).html;
    expect(journal).toContain('a invité camille.martin@example.org (curateur)');
    expect(journal).toContain('a accepté l’invitation et choisi son mot de passe');
  });

  it('makes the link from the console’s public address when there is one (behind a reverse proxy)', async () => {
    const proxied = await consoleFixture({ publicUrl: 'https://curation.example.org/' });
    try {
      const admin = await proxied.as('admin');
      await admin.page('/admin/users');
      const created = await admin.post('/admin/users', { email: 'loin@example.org', role: 'reader', method: 'link' });
      expect(shownSecret(await created.text()).replaceAll('&amp;', '&')).toMatch(/^https:\/\/curation\.example\.org\/account\/setup\?token=[\w-]{43}$/);
    } finally {
      await proxied.close();
    }
  });

  it('refuses an invitation link once it has expired, and a new link revokes the old one', async () => {
    const path = await invite(await fixture.as('admin'), 'tard@example.org', 'reader');
    clock = new Date(clock.getTime() + 72 * HOUR);
    // Three days later: a new sign-in (sessions last twelve hours at most).
    const admin = await fixture.as('admin');
    expect((await fixture.anonymous().page(path)).response.status).toBe(410);
    expect((await choosePassword(fixture.anonymous(), path)).status).toBe(410);
    expect((await admin.page('/admin/users')).html).toContain('sans mot de passe : le lien a expiré');

    const user = await userByEmail(fixture.db, 'tard@example.org');
    await admin.page(`/admin/users/${user?.id}`);
    const renewed = await admin.post(`/admin/users/${user?.id}/reset`, { method: 'link', confirm: '1' });
    const fresh = new URL(shownSecret(await renewed.text()).replaceAll('&amp;', '&'));
    const second = await admin.post(`/admin/users/${user?.id}/reset`, { method: 'link', confirm: '1' });
    expect(second.status).toBe(200);
    expect((await choosePassword(fixture.anonymous(), fresh.pathname + fresh.search)).status).toBe(410);
  });

  it('creates an account with a temporary password shown once: after signing in, nothing opens until a new password is chosen', async () => {
    const admin = await fixture.as('admin');
    await admin.page('/admin/users');
    const created = await admin.post('/admin/users', { email: 'lecteur.temp@example.org', role: 'reader', method: 'temporary-password' });
    const html = await created.text();
    expect(html).toContain('Transmettez ce mot de passe temporaire à lecteur.temp@example.org');
    const temporary = shownSecret(html);
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const [row] = await fixture.db.selectFrom('users').select(['password_hash', 'must_change_password']).where('email', '=', 'lecteur.temp@example.org').execute();
    expect(row.password_hash).not.toContain(temporary);
    expect(row.must_change_password).toBe(1);
    expect(JSON.stringify(await fixture.db.selectFrom('account_events').selectAll().execute())).not.toContain(temporary);

    const reader = fixture.anonymous();
    await reader.page('/login');
    expect((await reader.post('/login', { email: 'lecteur.temp@example.org', password: temporary })).status).toBe(303);
    for (const path of ['/sources', '/activity', '/admin']) {
      const response = await reader.request(path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location'), path).toBe('/account/password');
    }
    await reader.page('/account/password');
    expect((await reader.post('/account/password', { password: temporary, confirmation: temporary })).status).toBe(422);
    const changed = await reader.post('/account/password', { password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
    expect(changed.headers.get('location')).toBe('/login?done=passwordSet');
    expect((await reader.request('/sources')).status).toBe(303);
    expect((await reader.logIn('lecteur.temp@example.org', temporary)).status).toBe(401);
    expect((await reader.logIn('lecteur.temp@example.org', NEW_PASSWORD)).status).toBe(303);
    expect((await reader.request('/sources')).status).toBe(200);
    expect((await admin.page('/admin/users')).html).toContain('a remplacé son mot de passe temporaire');
  });

  it('lets a signed-in curator change their own password, the current one first: a wrong one is refused, then every session closes', async () => {
    const curator = await fixture.as('curator');
    const otherComputer = await fixture.as('curator');
    const page = await curator.page('/sources');
    expect(page.html).toContain('href="/account/password"');
    expect((await curator.page('/account/password')).html).toContain('Mot de passe actuel');

    const wrong = await curator.post('/account/password', { current: 'pas le bon mot de passe', password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Mot de passe actuel incorrect.');
    const same = await curator.post('/account/password', { current: PASSWORD, password: PASSWORD, confirmation: PASSWORD });
    expect(same.status).toBe(422);
    expect(await same.text()).toContain('Choisissez un mot de passe différent de l’actuel.');
    expect((await curator.post('/account/password', { current: PASSWORD, password: 'court', confirmation: 'court' })).status).toBe(422);
    expect((await curator.request('/sources')).status).toBe(200);

    const changed = await curator.post('/account/password', { current: PASSWORD, password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
    expect(changed.headers.get('location')).toBe('/login?done=passwordSet');
    expect((await curator.request('/sources')).status).toBe(303);
    expect((await otherComputer.request('/sources')).status).toBe(303);
    expect((await fixture.anonymous().logIn('curator@example.org', PASSWORD)).status).toBe(401);
    expect((await fixture.anonymous().logIn('curator@example.org', NEW_PASSWORD)).status).toBe(303);
    const admin = await fixture.as('admin');
    const user = await userByEmail(fixture.db, 'curator@example.org');
    expect((await admin.page(`/admin/users/${user?.id}`)).html).toContain('a changé son mot de passe');
  });

  it('counts wrong current passwords as failed sign-ins: guesses stop after a few', async () => {
    const curator = await fixture.as('curator');
    const statuses: number[] = [];
    for (let guess = 0; guess < 12; guess++) statuses.push((await curator.post('/account/password', { current: `essai ${guess}`, password: NEW_PASSWORD, confirmation: NEW_PASSWORD })).status);
    expect(statuses).toContain(429);
    expect(statuses.slice(0, 3)).toEqual([422, 422, 422]);
  });

  it('resets a password only once confirmed: the old one stops, the sessions close, the next sign-in must choose another', async () => {
    const curator = await fixture.as('curator');
    const admin = await fixture.as('admin');
    const user = await userByEmail(fixture.db, 'curator@example.org');
    const page = await admin.page(`/admin/users/${user?.id}`);
    expect(page.html).toContain('Réinitialiser le mot de passe…');
    const asked = await admin.post(`/admin/users/${user?.id}/reset`, { method: 'temporary-password' });
    expect(await asked.text()).toContain('Réinitialiser le mot de passe de curator@example.org ?');
    expect((await curator.request('/sources')).status).toBe(200);

    const reset = await admin.post(`/admin/users/${user?.id}/reset`, { method: 'temporary-password', confirm: '1' });
    const temporary = shownSecret(await reset.text());
    expect((await curator.request('/sources')).status).toBe(303);
    expect((await fixture.anonymous().logIn('curator@example.org')).status).toBe(401);
    const again = fixture.anonymous();
    await again.page('/login');
    await again.post('/login', { email: 'curator@example.org', password: temporary });
    expect((await again.request('/sources')).headers.get('location')).toBe('/account/password');
    expect((await admin.page(`/admin/users/${user?.id}`)).html).toContain('a réinitialisé le mot de passe de curator@example.org (mot de passe temporaire)');
  });

  it('refuses an administrator resetting their own password, unknown accounts, and invalid new accounts, saying why', async () => {
    const admin = await fixture.as('admin');
    const self = await userByEmail(fixture.db, 'admin@example.org');
    expect((await admin.page(`/admin/users/${self?.id}`)).html).not.toContain('Réinitialiser le mot de passe…');
    const refused = await admin.post(`/admin/users/${self?.id}/reset`, { method: 'link', confirm: '1' });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('Vous ne pouvez pas réinitialiser ici votre propre mot de passe');
    for (const id of ['999', 'abc']) {
      expect((await admin.request(`/admin/users/${id}`)).status, id).toBe(404);
      expect((await admin.post(`/admin/users/${id}/disable`, { confirm: '1' })).status, id).toBe(404);
    }
    await admin.page('/admin/users');
    const invalid = await admin.post('/admin/users', { email: 'pas-une-adresse', role: 'curator', method: 'link' });
    expect(invalid.status).toBe(422);
    expect(await invalid.text()).toContain('Adresse électronique invalide');
    const incomplete = await admin.post('/admin/users', { email: 'x@example.org' });
    expect(incomplete.status).toBe(422);
    expect((await incomplete.text()).match(/Valeur invalide\./g)?.length).toBeGreaterThanOrEqual(2);
    const duplicate = await admin.post('/admin/users', { email: 'ADMIN@example.org', role: 'reader', method: 'link' });
    expect(await duplicate.text()).toContain('Un compte existe déjà avec cette adresse.');
    expect(await fixture.db.selectFrom('users').select('email').where('email', '=', 'x@example.org').executeTakeFirst()).toBeUndefined();
  });

  it('speaks English when asked, on the admin pages and on the page a link opens', async () => {
    const admin = await fixture.as('admin');
    const path = await invite(admin, 'english@example.org', 'reader');
    const users = await admin.page('/admin/users?lang=en');
    expect(users.html).toContain('How the person chooses their password');
    expect(users.html).toContain('invited english@example.org (reader), link valid until');
    expect(users.html).not.toContain('Comment la personne');
    const invitee = fixture.anonymous();
    const opened = await invitee.page(`${path}&lang=en`);
    expect(opened.html).toContain('Welcome: choose your password');
    expect(opened.html).toContain('<html lang="en">');
  });

  it('answers 403 to readers and curators on every administration route, and changes nothing', async () => {
    const target = await userByEmail(fixture.db, 'admin@example.org');
    const routes = fixture.app.routes.filter((route) => route.path.startsWith('/admin') && route.method !== 'ALL');
    expect(routes.filter((route) => route.path.startsWith('/admin/users')).length).toBeGreaterThanOrEqual(7);
    for (const role of ['reader', 'curator'] as const) {
      const client = await fixture.as(role);
      for (const route of routes) {
        const path = route.path.replace(':id', String(target?.id ?? 1));
        const response = route.method === 'GET' ? await client.request(path) : await client.post(path, { email: 'intrus@example.org', role: 'admin', method: 'link', confirm: '1' });
        expect(response.status, `${role} ${route.method} ${path}`).toBe(403);
      }
    }
    expect(await userByEmail(fixture.db, 'intrus@example.org')).toBeUndefined();
    expect(await fixture.db.selectFrom('account_events').select('id').execute()).toEqual([]);
  });
});
