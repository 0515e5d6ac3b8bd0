import { afterEach, describe, expect, it } from 'vitest';
import { LoginThrottle } from '../auth/login-throttle.ts';
import { tokenDigest } from '../auth/secret-token.ts';
import { createUser } from '../auth/users.ts';
import { ConsoleClient, type ConsoleFixture, consoleFixture, PASSWORD } from '../testing/console-client.ts';

let fixture: ConsoleFixture;
afterEach(async () => {
  await fixture.close();
});

describe('signing in', () => {
  it('sends anonymous visitors to the sign-in page, and back where they were going', async () => {
    fixture = await consoleFixture();
    await createUser(fixture.db, { email: 'Alice@Example.org', role: 'curator', password: PASSWORD });
    const client = fixture.anonymous();
    const list = await client.request('/sources?q=lyon');
    expect(list.status).toBe(303);
    expect(list.headers.get('location')).toBe('/login?next=%2Fsources%3Fq%3Dlyon');
    const { html } = await client.page('/login?next=%2Fsources%3Fq%3Dlyon');
    expect(html).toContain('<label for="field-email">Adresse électronique');
    const signedIn = await client.post('/login', { email: ' alice@example.org', password: PASSWORD, next: '/sources?q=lyon' });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/sources?q=lyon');
    const session = signedIn.headers.getSetCookie().find((cookie) => cookie.startsWith('sdc_session='));
    expect(session).toMatch(/; Path=\/; HttpOnly; SameSite=Lax$/);
    expect((await client.page('/sources?q=lyon')).html).toContain('Connecté : alice@example.org');
  });

  it('never redirects to another site after sign-in', async () => {
    fixture = await consoleFixture();
    const client = await fixture.as('reader');
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      expect((await client.request(`/login?next=${encodeURIComponent(next)}`)).headers.get('location')).toBe('/sources');
    }
  });

  it('refuses a wrong password with a message, and sets Secure __Host- cookies over HTTPS', async () => {
    fixture = await consoleFixture({ secureCookies: true });
    await createUser(fixture.db, { email: 'alice@example.org', role: 'curator', password: PASSWORD });
    const client = fixture.anonymous();
    await client.page('/login');
    expect([...client.cookies.keys()]).toEqual(['__Host-sdc_csrf']);
    const wrong = await client.post('/login', { email: 'alice@example.org', password: 'not the password' });
    expect(wrong.status).toBe(401);
    const html = await wrong.text();
    expect(html).toContain('<title>Erreur : Connexion — Sources de confiance</title>');
    expect(html).toContain('Adresse électronique ou mot de passe incorrect.');
    const right = await client.post('/login', { email: 'alice@example.org', password: PASSWORD });
    expect(right.headers.getSetCookie().find((cookie) => cookie.startsWith('__Host-sdc_session='))).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    expect(right.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('makes an address wait after five failures on an account, longer at each further failure, before checking the password', async () => {
    let now = new Date('2026-11-23T08:00:00Z');
    fixture = await consoleFixture({ loginThrottle: new LoginThrottle(), now: () => now });
    await createUser(fixture.db, { email: 'alice@example.org', role: 'curator', password: PASSWORD });
    const client = fixture.anonymous();
    await client.page('/login');
    for (let attempt = 0; attempt < 5; attempt++) expect((await client.post('/login', { email: 'alice@example.org', password: `guess ${attempt}` })).status).toBe(401);
    const locked = await client.post('/login', { email: 'alice@example.org', password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('60');
    expect(await locked.text()).toContain('Trop de tentatives. Réessayez dans 1 minute.');
    expect(client.cookies.has('sdc_session')).toBe(false);
    now = new Date('2026-11-23T08:01:00Z');
    expect((await client.post('/login', { email: 'alice@example.org', password: 'guess 5' })).status).toBe(401);
    const longer = await client.post('/login', { email: 'alice@example.org', password: PASSWORD });
    expect(longer.headers.get('retry-after')).toBe('120');
    expect(await longer.text()).toContain('Réessayez dans 2 minutes.');
  });

  it('does not lock an account for other addresses when one address fails on it', async () => {
    fixture = await consoleFixture({ loginThrottle: new LoginThrottle(), trustProxy: true });
    await createUser(fixture.db, { email: 'alice@example.org', role: 'curator', password: PASSWORD });
    const attacker = new ConsoleClient(fixture.app, { 'x-forwarded-for': '198.51.100.9' });
    await attacker.page('/login');
    for (let attempt = 0; attempt < 8; attempt++) await attacker.post('/login', { email: 'alice@example.org', password: `guess ${attempt}` });
    expect((await attacker.post('/login', { email: 'alice@example.org', password: PASSWORD })).status).toBe(429);
    const alice = new ConsoleClient(fixture.app, { 'x-forwarded-for': '203.0.113.5' });
    await alice.page('/login');
    expect((await alice.post('/login', { email: 'alice@example.org', password: PASSWORD })).status).toBe(303);
  });

  it('evaluates at most five of twelve wrong passwords sent at once, whatever the concurrency', async () => {
    fixture = await consoleFixture({ loginThrottle: new LoginThrottle() });
    await createUser(fixture.db, { email: 'alice@example.org', role: 'curator', password: PASSWORD });
    const client = fixture.anonymous();
    await client.page('/login');
    const burst = await Promise.all(Array.from({ length: 12 }, (_, attempt) => client.post('/login', { email: 'alice@example.org', password: `guess ${attempt}` })));
    const statuses = burst.map((response) => response.status).sort();
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
    expect((await client.post('/login', { email: 'alice@example.org', password: PASSWORD })).status).toBe(429);
  });

  it('refuses a sign-in form posted without its CSRF token', async () => {
    fixture = await consoleFixture();
    await createUser(fixture.db, { email: 'alice@example.org', role: 'curator', password: PASSWORD });
    const client = fixture.anonymous();
    await client.page('/login');
    const forged = await client.post('/login', { email: 'alice@example.org', password: PASSWORD }, { csrf: false });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('Formulaire expiré');
  });
});

describe('sessions', () => {
  it('ends at sign-out: the old cookie opens nothing', async () => {
    fixture = await consoleFixture();
    const client = await fixture.as('curator');
    const token = client.cookies.get('sdc_session');
    const out = await client.post('/logout', {});
    expect(out.headers.get('location')).toBe('/login?done=logout');
    expect((await client.page('/login?done=logout')).html).toContain('Vous êtes déconnecté.');
    const replay = await fixture.app.request('/sources', { headers: { cookie: `sdc_session=${token}` } });
    expect(replay.status).toBe(303);
    expect(await fixture.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it('closes the session the browser had when it signs in again, as the same account or another', async () => {
    fixture = await consoleFixture();
    await createUser(fixture.db, { email: 'bob@example.org', role: 'reader', password: PASSWORD });
    const client = await fixture.as('curator');
    const first = client.cookies.get('sdc_session') ?? '';
    expect((await client.logIn('curator@example.org')).status).toBe(303);
    const second = client.cookies.get('sdc_session') ?? '';
    expect(second).not.toBe(first);
    expect((await fixture.app.request('/sources', { headers: { cookie: `sdc_session=${first}` } })).status).toBe(303);
    expect((await client.logIn('bob@example.org')).status).toBe(303);
    expect((await fixture.app.request('/sources', { headers: { cookie: `sdc_session=${second}` } })).status).toBe(303);
    expect((await client.page('/sources')).html).toContain('Connecté : bob@example.org');
    expect(await fixture.db.selectFrom('sessions').select('user_id').execute()).toHaveLength(1);
  });

  it('keeps the sessions of other browsers at sign-in (a curator may work on two computers)', async () => {
    fixture = await consoleFixture();
    const office = await fixture.as('curator');
    const home = await fixture.as('curator');
    expect((await office.request('/sources')).status).toBe(200);
    expect((await home.request('/sources')).status).toBe(200);
  });

  it('stores only a digest of the token, and expires after four idle hours', async () => {
    let now = new Date('2026-11-23T08:00:00Z');
    fixture = await consoleFixture({ now: () => now });
    const client = await fixture.as('curator');
    const token = client.cookies.get('sdc_session') ?? '';
    const [row] = await fixture.db.selectFrom('sessions').select('token_hash').execute();
    expect(row.token_hash).toBe(tokenDigest(token));
    expect(row.token_hash).not.toBe(token);
    // Used after 3 h 59 min of quiet: kept. Then 4 h 01 min without a request, at 16:00 — eight
    // hours after sign-in, well before the twelve-hour limit: only the idle limit can end it.
    now = new Date('2026-11-23T11:59:00Z');
    expect((await client.request('/sources')).status).toBe(200);
    now = new Date('2026-11-23T16:00:00Z');
    const idle = await client.request('/sources');
    expect(idle.status).toBe(303);
    expect(idle.headers.get('location')).toBe('/login?next=%2Fsources');
    expect(await fixture.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it('ends twelve hours after sign-in even when used all along', async () => {
    let now = new Date('2026-11-23T08:00:00Z');
    fixture = await consoleFixture({ now: () => now });
    const client = await fixture.as('curator');
    for (let hour = 1; hour < 12; hour++) {
      now = new Date(Date.parse('2026-11-23T08:00:00Z') + hour * 3_600_000);
      expect((await client.request('/sources')).status).toBe(200);
    }
    now = new Date('2026-11-23T20:00:00Z');
    expect((await client.request('/sources')).status).toBe(303);
  });
});
