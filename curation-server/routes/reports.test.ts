import { afterEach, describe, expect, it } from 'vitest';
import { ReportThrottle } from '../review/report-throttle.ts';
import { reportedHost } from '../review/report-input.ts';
import { type ConsoleClient, type ConsoleFixture, consoleFixture } from '../testing/console-client.ts';

let fixture: ConsoleFixture;
afterEach(async () => {
  await fixture.close();
});

async function setUp(options: Parameters<typeof consoleFixture>[0] = {}): Promise<ConsoleFixture> {
  fixture = await consoleFixture({ trustProxy: true, ...options });
  return fixture;
}

/** A visitor behind one address (the proxy appends it to X-Forwarded-For), with the form's token. */
async function visitor(address = '203.0.113.7', path = '/signaler'): Promise<ConsoleClient> {
  const client = fixture.anonymous();
  const original = client.request.bind(client);
  client.request = (target, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('x-forwarded-for', address);
    return original(target, { ...init, headers });
  };
  await client.page(path);
  return client;
}

const reportRows = () => fixture.db.selectFrom('review_items').selectAll().where('kind', '=', 'report').execute();

describe('the public report form', () => {
  it('opens with the site given by the extension, escaped, in French, without an account', async () => {
    await setUp();
    const client = fixture.anonymous();
    const { response, html } = await client.page(`/signaler?site=${encodeURIComponent('https://www.ain.gouv.fr/"><script>x()</script>')}`);
    expect(response.status).toBe(200);
    expect(html).toContain('<h1>Signaler un site</h1>');
    expect(html).toContain('value="https://www.ain.gouv.fr/&quot;&gt;&lt;script&gt;x()&lt;/script&gt;"');
    expect(html).not.toContain('<script>x()');
    expect(html).toContain('name="_csrf"');
    expect((await client.page('/signaler?lang=en')).html).toContain('<h1>Report a site</h1>');
  });

  it('puts a report in the queue, attached to its source, keeping only what was typed and when', async () => {
    await setUp({ now: () => new Date('2026-12-01T09:30:00.000Z') });
    const client = await visitor();
    const sent = await client.post('/signaler', { site: 'https://www.ain.gouv.fr/actualites', kind: 'wrong', message: '  La pastille est sur une fausse page.  ', contact: 'lecteur@example.org' });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/signaler/merci');
    expect((await client.page('/signaler/merci')).html).toContain('Votre signalement a bien été reçu.');
    const [row] = await reportRows();
    expect(row).toMatchObject({
      reason: 'wrong',
      source_id: 'sk3kwbhz3cg2',
      host: 'www.ain.gouv.fr',
      site: 'https://www.ain.gouv.fr/actualites',
      message: 'La pastille est sur une fausse page.',
      contact: 'lecteur@example.org',
      opened_at: '2026-12-01T09:30:00.000Z',
      evidence: null,
    });
    // The client's address is nowhere in the database.
    const everything = JSON.stringify(await fixture.db.selectFrom('review_items').selectAll().execute());
    expect(everything).not.toContain('203.0.113.7');
  });

  it('keeps a report on an unknown host as an item with just the host', async () => {
    await setUp();
    const client = await visitor();
    await client.post('/signaler', { site: 'Mairie-Oubliée.fr', kind: 'missing' });
    const [row] = await reportRows();
    expect(row).toMatchObject({ source_id: null, host: new URL('http://mairie-oubliée.fr').hostname, message: '', contact: null });
  });

  it('shows a message with a script in it as text in the queue', async () => {
    await setUp();
    const client = await visitor();
    await client.post('/signaler', { site: 'besancon.fr', kind: 'squatted', message: '<script>document.location="https://evil.example"</script><img src=x onerror=alert(1)>' });
    const { html } = await (await fixture.as('curator')).page('/review?kind=report');
    expect(html).toContain('&lt;script&gt;document.location=&quot;https://evil.example&quot;&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
  });

  it('refuses a post without the token, or with a forged one, and stores nothing', async () => {
    await setUp();
    const client = await visitor();
    expect((await client.post('/signaler', { site: 'besancon.fr', kind: 'other' }, { csrf: false })).status).toBe(403);
    expect((await client.post('/signaler', { _csrf: 'forged-token', site: 'besancon.fr', kind: 'other' }, { csrf: false })).status).toBe(403);
    // A token from another browser (another cookie) is not this one's.
    const other = await visitor('198.51.100.1');
    client.csrfToken = other.csrfToken;
    expect((await client.post('/signaler', { site: 'besancon.fr', kind: 'other' })).status).toBe(403);
    expect(await reportRows()).toHaveLength(0);
  });

  it('refuses an oversized body, unknown fields and invalid values, and stores nothing', async () => {
    await setUp();
    const client = await visitor();
    const huge = await client.post('/signaler', { site: 'besancon.fr', kind: 'other', message: 'x'.repeat(100_000) });
    expect(huge.status).toBe(413);
    const extra = await client.post('/signaler', { site: 'besancon.fr', kind: 'other', ip: '1.2.3.4' });
    expect(extra.status).toBe(400);
    expect(await extra.text()).toContain('Le formulaire contient des champs inattendus');
    const invalid = await client.post('/signaler', { site: 'javascript:alert(1)', kind: 'nonsense', message: 'é'.repeat(2001), contact: 'pas une adresse' });
    expect(invalid.status).toBe(422);
    const html = await invalid.text();
    expect(html).toContain('Indiquez l’adresse d’un site');
    expect(html).toContain('Choisissez ce qui décrit le mieux le problème.');
    expect(html).toContain('Message trop long : 2 000 caractères au plus.');
    expect(html).toContain('Adresse électronique invalide.');
    expect(html).toContain('value="javascript:alert(1)"');
    const repeated = await client.post('/signaler', { site: ['besancon.fr', 'ain.gouv.fr'], kind: 'other' });
    expect(repeated.status).toBe(422);
    expect(await reportRows()).toHaveLength(0);
  });

  it('answers 429 to a burst from one address, and still takes reports from another', async () => {
    await setUp({ reportThrottle: new ReportThrottle({ perAddress: 3, windowMs: 15 * 60 * 1000 }) });
    const client = await visitor();
    for (let sent = 0; sent < 3; sent++) expect((await client.post('/signaler', { site: 'besancon.fr', kind: 'other' })).status).toBe(303);
    const refused = await client.post('/signaler', { site: 'besancon.fr', kind: 'other' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toContain('Trop de signalements depuis ce réseau.');
    // The same subscriber's other IPv6 address counts with it; another address does not.
    const neighbour = await visitor('2001:db8:1:2::9');
    for (let sent = 0; sent < 3; sent++) await neighbour.post('/signaler', { site: 'besancon.fr', kind: 'other' });
    expect((await (await visitor('2001:db8:1:2::10')).post('/signaler', { site: 'besancon.fr', kind: 'other' })).status).toBe(429);
    expect((await (await visitor('198.51.100.20')).post('/signaler', { site: 'besancon.fr', kind: 'other' })).status).toBe(303);
    expect(await reportRows()).toHaveLength(7);
  });
});

describe('the reported site', () => {
  it('is read from a web address or a hostname, and nothing else', () => {
    expect(reportedHost('https://www.Mairie-Lyon.fr/contact?x=1')).toBe('www.mairie-lyon.fr');
    expect(reportedHost('mairie-lyon.fr/contact')).toBe('mairie-lyon.fr');
    expect(reportedHost('mairie-lyon.fr:8080')).toBe('mairie-lyon.fr');
    expect(reportedHost('ftp://mairie-lyon.fr/')).toBeNull();
    expect(reportedHost('javascript:alert(1)')).toBeNull();
    expect(reportedHost('http://127.0.0.1/')).toBeNull();
    expect(reportedHost('   ')).toBeNull();
  });
});
