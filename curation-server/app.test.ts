import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DATA_CREDIT } from '../corpus/credit.ts';
import { type ConsoleFixture, consoleFixture } from './testing/console-client.ts';

let fixture: ConsoleFixture;
beforeEach(async () => {
  fixture = await consoleFixture();
});
afterEach(async () => {
  await fixture.close();
});

describe('the server', () => {
  it('answers /healthz when its database does', async () => {
    const response = await fixture.app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('sends a strict CSP and the other security headers, and keeps pages out of caches', async () => {
    const response = await fixture.app.request('/login');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('has no inline script or style in its pages: the CSP would block them', async () => {
    const client = await fixture.as('admin');
    for (const path of ['/sources', '/sources/new', '/sources/syj66jel4pyz', '/activity', '/import', '/admin', '/admin/users', '/admin/tokens', '/login']) {
      const { html } = await client.page(path);
      expect(html, path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|\sstyle=|\son[a-z]+=/i);
    }
  });

  it('serves its stylesheet and script as files, revalidated by ETag', async () => {
    const css = await fixture.app.request('/assets/console.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain(':focus-visible');
    const js = await fixture.app.request('/assets/console.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const again = await fixture.app.request('/assets/console.js', { headers: { 'if-none-match': js.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
  });

  it('shows a French 404 page, and the data credit on every page', async () => {
    const client = await fixture.as('reader');
    const { response, html } = await client.page('/nowhere');
    expect(response.status).toBe(404);
    expect(html).toContain('Page introuvable');
    expect(html).toContain(DATA_CREDIT.fr.replaceAll("'", '&#39;').replaceAll('"', '&quot;'));
  });
});

describe('languages', () => {
  it('speaks French by default, English on request, and remembers the choice', async () => {
    const client = await fixture.as('reader');
    const french = await client.page('/sources');
    expect(french.html).toContain('<html lang="fr">');
    expect(french.html).toContain('href="/sources?lang=en" lang="en" hreflang="en"');
    const english = await client.page('/sources?lang=en');
    expect(english.html).toContain('<html lang="en">');
    expect(english.html).toContain('Search and filter');
    expect(english.html).toContain(DATA_CREDIT.en.replaceAll("'", '&#39;').replaceAll('"', '&quot;'));
    expect((await client.page('/activity')).html).toContain('<html lang="en">');
  });

  it('follows the browser’s Accept-Language when nothing was chosen', async () => {
    const response = await fixture.app.request('/login', { headers: { 'accept-language': 'en-GB,en;q=0.9,fr;q=0.8' } });
    expect(await response.text()).toContain('<h1>Sign in</h1>');
    const german = await fixture.app.request('/login', { headers: { 'accept-language': 'de-DE' } });
    expect(await german.text()).toContain('<h1>Connexion</h1>');
  });
});

describe('bad input', () => {
  it('answers a malformed sign-in form with 400 and a message, and logs no crash', async () => {
    const crashes = vi.spyOn(console, 'error');
    const client = fixture.anonymous();
    await client.page('/login');
    for (const contentType of ['multipart/form-data; boundary=x', 'multipart/form-data']) {
      const refused = await client.request('/login', { method: 'POST', body: '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\nunfinished', headers: { 'content-type': contentType } });
      expect(refused.status, contentType).toBe(400);
      const html = await refused.text();
      expect(html).toContain('<title>Demande invalide — Sources de confiance</title>');
      expect(html).toContain('Les données envoyées sont illisibles');
    }
    expect(crashes).not.toHaveBeenCalled();
    crashes.mockRestore();
  });
});
