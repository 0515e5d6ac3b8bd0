import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleEnv } from '../app-env.ts';
import { MESSAGES } from '../i18n/messages.ts';
import { FORM_BODY_LIMIT } from '../middleware/body-limits.ts';
import { language } from '../middleware/language.ts';
import { actorOf } from '../middleware/permission.ts';
import { type ConsoleFixture, consoleFixture } from '../testing/console-client.ts';
import { consoleErrorResponse } from './error-response.tsx';

let fixture: ConsoleFixture;
beforeEach(async () => {
  fixture = await consoleFixture();
});
afterEach(async () => {
  await fixture.close();
});

const en = MESSAGES.en.errors;

describe('typed errors, rendered by the console’s onError', () => {
  it('renders what middleware refuses as its page, with its status, in English when asked', async () => {
    const reader = await fixture.as('reader');
    await reader.page('/sources?lang=en');
    const forbidden = await reader.post('/import', { text: 'host' });
    expect(forbidden.status).toBe(403);
    const forbiddenPage = await forbidden.text();
    expect(forbiddenPage).toContain(`<title>${en.forbiddenTitle}`);
    expect(forbiddenPage).toContain(en.forbidden);
    expect(forbidden.headers.get('cache-control')).toBe('no-store');

    const curator = await fixture.as('curator');
    await curator.page('/sources?lang=en');
    const refused = await curator.post('/sources/syj66jel4pyz/status', { status: 'removed' }, { csrf: false });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain(en.csrf);
    const crossSite = await curator.request('/logout', { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.text()).toContain(en.csrfTitle);
  });

  it('renders a body announced too large, refused before any router, in the visitor’s language', async () => {
    const response = await fixture.app.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(FORM_BODY_LIMIT + 1), 'accept-language': 'en-GB,en;q=0.9' },
      body: 'x'.repeat(FORM_BODY_LIMIT + 1),
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain(en.tooLarge);
    // The API answers the same error in JSON.
    const api = await fixture.app.request('/api/imports', { method: 'POST', headers: { 'content-length': String(20 * 1024 * 1024) }, body: 'x' });
    expect(api.status).toBe(413);
    expect(await api.json()).toEqual({ error: 'payload-too-large' });
  });

  it('renders a record a handler does not find as the not-found page', async () => {
    const admin = await fixture.as('admin');
    for (const path of ['/admin/users/999999', '/sources/nosuchsource', '/import/nosuchimport']) {
      const { response, html } = await admin.page(path);
      expect(response.status, path).toBe(404);
      expect(html, path).toContain(MESSAGES.fr.errors.notFound);
    }
  });
});

describe('the actor of a handler', () => {
  it('is never null: a handler reached without requirePermission refuses (403) rather than act for nobody', async () => {
    const app = new Hono<ConsoleEnv>();
    app.use(language(false), async (c, next) => {
      c.set('user', null);
      await next();
    });
    app.post('/unguarded', (c) => c.text(actorOf(c).label));
    app.onError(consoleErrorResponse(false));
    const response = await app.request('/unguarded', { method: 'POST' });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain(MESSAGES.fr.errors.forbidden);
  });
});
