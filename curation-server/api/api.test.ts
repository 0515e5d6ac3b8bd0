import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiToken } from '../auth/api-tokens.ts';
import type { Role } from '../auth/roles.ts';
import { createUser } from '../auth/users.ts';
import { IMPORT_BODY_LIMIT } from '../middleware/body-limits.ts';
import { sourceById } from '../sources/source-store.ts';
import { type ConsoleFixture, consoleFixture, PASSWORD } from '../testing/console-client.ts';

let fixture: ConsoleFixture;
let adminId: number;
beforeEach(async () => {
  fixture = await consoleFixture();
  const admin = await createUser(fixture.db, { email: 'admin@example.org', role: 'admin', password: PASSWORD });
  if (!admin.ok) throw new Error(admin.problem);
  adminId = admin.user.id;
});
afterEach(async () => {
  await fixture.close();
});

async function client(role: Role) {
  const { token } = await createApiToken(fixture.db, { name: `script ${role}`, role, createdBy: adminId });
  return (path: string, init: { method?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {}) =>
    fixture.app.request(`/api${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, ...(init.json === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
      body: init.json === undefined ? init.body : JSON.stringify(init.json),
      duplex: 'half',
    } as RequestInit);
}

const newSource = { host: 'mairie-exemple.fr', scope: 'subdomains', category: 'commune', name: 'Mairie d’Exemple', code: '01001' };

describe('API authentication', () => {
  it('wants a live bearer token, and ignores the console’s session cookie', async () => {
    expect((await fixture.app.request('/api/sources')).status).toBe(401);
    expect((await fixture.app.request('/api/sources', { headers: { authorization: 'Bearer sdc_wrong' } })).status).toBe(401);
    const browser = await fixture.as('curator');
    const withCookie = await browser.request('/api/sources');
    expect(withCookie.status).toBe(401);
    expect(withCookie.headers.get('www-authenticate')).toContain('Bearer');
  });

  it('lets reader tokens read and not write', async () => {
    const api = await client('reader');
    expect((await api('/sources?q=besancon')).status).toBe(200);
    const refused = await api('/sources', { method: 'POST', json: newSource });
    expect(refused.status).toBe(403);
    expect(await fixture.db.selectFrom('events').select('id').where('action', '=', 'create').execute()).toEqual([]);
  });
});

describe('API authentication before the body', () => {
  it('refuses a request without a token, or with a reader token, before reading its body', async () => {
    const { token } = await createApiToken(fixture.db, { name: 'lecture', role: 'reader', createdBy: adminId });
    for (const [authorization, status] of [[undefined, 401], [`Bearer ${token}`, 403]] as const) {
      const watch = { read: false };
      const body = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            watch.read = true;
            controller.enqueue(new TextEncoder().encode('host,scope,path,category,status,name,code\n'));
            controller.close();
          },
        },
        { highWaterMark: 0 },
      );
      const headers: Record<string, string> = { 'content-type': 'text/csv', ...(authorization === undefined ? {} : { authorization }) };
      const refused = await fixture.app.request('/api/imports', { method: 'POST', body, duplex: 'half', headers } as RequestInit);
      expect(refused.status).toBe(status);
      expect(watch.read).toBe(false);
    }
  });
});

describe('API sources', () => {
  it('searches and pages like the console', async () => {
    const api = await client('reader');
    const body = (await (await api('/sources?q=besancon&sort=name&perPage=25')).json()) as { total: number; sources: { host: string; revision: number }[] };
    expect(body.total).toBe(3);
    expect(body.sources.map((source) => source.host)).toEqual(['chu-besancon.fr', 'ac-besancon.fr', 'besancon.fr']);
    expect(body.sources[0].revision).toBe(1);
  });

  it('creates and changes sources with the console’s validation, under the token’s name', async () => {
    const api = await client('curator');
    const created = await api('/sources', { method: 'POST', json: { ...newSource, comment: 'par script' } });
    expect(created.status).toBe(201);
    const source = (await created.json()) as { id: string; revision: number; provenance: string };
    expect(source.provenance).toBe('curated');
    const changed = await api(`/sources/${source.id}`, { method: 'PATCH', json: { status: 'suspended', revision: source.revision } });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ status: 'suspended', revision: 2, name: 'Mairie d’Exemple', code: '01001' });
    const stale = await api(`/sources/${source.id}`, { method: 'PATCH', json: { name: 'x', revision: 1 } });
    expect(stale.status).toBe(409);
    const history = (await (await api(`/sources/${source.id}/history`)).json()) as { events: { action: string; actor: string; comment: string }[] };
    expect(history.events.map((event) => [event.action, event.actor])).toEqual([
      ['suspend', 'jeton « script curator »'],
      ['create', 'jeton « script curator »'],
    ]);
  });

  it('refuses with codes and French messages, or a 400 for a malformed body', async () => {
    const api = await client('curator');
    const refused = await api('/sources', { method: 'POST', json: { ...newSource, host: 'ecole.e-monsite.com' } });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({
      error: 'refused',
      issues: [{ field: 'scope', code: 'platform', message: expect.stringContaining("« e-monsite.com » est une plateforme d'hébergement partagée") }],
    });
    const reversed = await api('/sources', { method: 'POST', json: { ...newSource, name: 'Mairie d’Exemple\u200b' } });
    expect(reversed.status).toBe(422);
    expect(await reversed.json()).toEqual({ error: 'refused', issues: [{ field: 'name', code: 'invisible-character', message: expect.stringContaining('(U+200B)') }] });
    const malformed = await api('/sources', { method: 'POST', json: { host: 'x.fr', scope: 'everything' } });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: 'invalid-request' });
    expect((await api('/sources/nope')).status).toBe(404);
  });

  it('applies bulk changes all or nothing, and reverts through the events', async () => {
    const api = await client('curator');
    const none = await api('/sources/bulk', { method: 'POST', json: { ids: ['syj66jel4pyz', 'missing'], action: 'remove' } });
    expect(none.status).toBe(422);
    expect((await sourceById(fixture.db, 'syj66jel4pyz'))?.status).toBe('active');
    const done = await api('/sources/bulk', { method: 'POST', json: { ids: ['syj66jel4pyz', 'sxcmuyhvlacd'], action: 'suspend', comment: 'audit' } });
    const { batch } = (await done.json()) as { batch: string };
    const events = (await (await api(`/events?batch=${batch}`)).json()) as { events: { id: number; action: string }[] };
    expect(events.events.map((event) => event.action)).toEqual(['suspend', 'suspend']);
    const reverted = await api(`/events/${events.events[0].id}/revert`, { method: 'POST', json: { comment: 'erreur' } });
    expect(reverted.status).toBe(200);
    expect((await api(`/events/${events.events[0].id}/revert`, { method: 'POST', json: {} })).status).toBe(409);
  });

  it('reads a batch, and undoes it whole unless a source of it changed since', async () => {
    const api = await client('curator');
    const done = await api('/sources/bulk', { method: 'POST', json: { ids: ['syj66jel4pyz', 'sxcmuyhvlacd', 'stlyon0000001'], action: 'remove', comment: 'audit' } });
    const { batch } = (await done.json()) as { batch: string };
    expect(await (await api(`/batches/${batch}`)).json()).toMatchObject({ id: batch, kind: 'bulk', label: 'remove', count: 3, comment: 'audit', undoes: null, undoneBy: [] });
    await api('/sources/stlyon0000001', { method: 'PATCH', json: { name: 'Lyon' } });
    const refused = await api(`/batches/${batch}/undo`, { method: 'POST', json: {} });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: 'refused', refusals: [{ code: 'changed-since', sourceId: 'stlyon0000001', host: 'mairie-lyon.fr' }] });
    const second = (await (await api('/sources/bulk', { method: 'POST', json: { ids: ['syj66jel4pyz', 'sxcmuyhvlacd'], action: 'activate' } })).json()) as { batch: string };
    const undone = await api(`/batches/${second.batch}/undo`, { method: 'POST', json: { comment: 'trop tôt' } });
    expect(undone.status).toBe(200);
    expect(await undone.json()).toMatchObject({ kind: 'undo', label: second.batch, undoes: second.batch, count: 2, comment: 'trop tôt' });
    expect((await sourceById(fixture.db, 'syj66jel4pyz'))?.status).toBe('removed');
    expect(await (await api(`/batches/${second.batch}/undo`, { method: 'POST', json: {} })).json()).toMatchObject({ error: 'already-undone' });
    expect((await api('/batches/nosuchbatch/undo', { method: 'POST', json: {} })).status).toBe(404);
    const reader = await client('reader');
    expect((await reader(`/batches/${batch}/undo`, { method: 'POST', json: {} })).status).toBe(403);
  });

  it('exports CSV and JSON with the credit', async () => {
    const api = await client('reader');
    const csv = await api('/sources/export.csv?category=commune');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await csv.text()).split('\r\n')[0]).toBe('id,host,scope,path,category,status,name,code,provenance');
    const json = (await (await api('/sources/export.json?status=removed')).json()) as { credit: { fr: string }; sources: { host: string }[] };
    expect(json.credit.fr).toContain('Licence Ouverte 2.0');
    expect(json.sources.map((source) => source.host)).toEqual(['sites.google.com']);
  });
});

describe('API bad input', () => {
  it('refuses a search holding a control character with 400 and the field, exports too, and logs no crash', async () => {
    const crashes = vi.spyOn(console, 'error');
    const api = await client('reader');
    for (const path of ['/sources?q=abc%00def', '/sources/export.csv?q=abc%00def', '/sources/export.json?q=abc%1Bdef']) {
      const refused = await api(path);
      expect(refused.status, path).toBe(400);
      expect(await refused.json()).toEqual({ error: 'invalid-request', issues: [{ field: 'q', code: 'invalid', message: 'Control characters are not allowed in a search' }] });
    }
    expect(crashes).not.toHaveBeenCalled();
    crashes.mockRestore();
  });

  it('answers malformed JSON with 400 and a wrong or missing content type with 415, and logs no crash', async () => {
    const crashes = vi.spyOn(console, 'error');
    const api = await client('curator');
    const malformed = await api('/sources', { method: 'POST', body: '{"host": ', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: 'invalid-request', issues: [{ code: 'malformed-body', message: expect.stringContaining('illisible') }] });
    // Bytes, not a string: fetch would label a string text/plain by itself.
    const body = new TextEncoder().encode(JSON.stringify({ host: 'mairie-exemple.fr' }));
    for (const headers of [{ 'content-type': 'text/plain' }, {}] as Record<string, string>[]) {
      for (const [method, path] of [['POST', '/sources'], ['PATCH', '/sources/syj66jel4pyz'], ['POST', '/sources/bulk'], ['POST', '/events/1/revert']]) {
        const refused = await api(path, { method, body, headers });
        expect(refused.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(415);
        expect(await refused.json()).toEqual({ error: 'unsupported-media-type', issues: [{ code: 'unsupported-media-type', message: expect.stringContaining('application/json') }] });
      }
    }
    expect(crashes).not.toHaveBeenCalled();
    crashes.mockRestore();
  });
});

describe('API imports', () => {
  it('previews a CSV body, then applies it with the preview’s digest', async () => {
    const api = await client('curator');
    const preview = await api('/imports?name=nightly.csv', { method: 'POST', body: 'host,scope,path,category,status,name,code\nmairie-neuve.fr,host,,commune,active,Neuve,\n', headers: { 'content-type': 'text/csv' } });
    expect(preview.status).toBe(201);
    const plan = (await preview.json()) as { id: string; digest: string; counts: Record<string, number>; lines: { kind: string }[] };
    expect(plan.counts).toEqual({ added: 1, changed: 0, unchanged: 0, error: 0 });
    const applied = await api(`/imports/${plan.id}/apply`, { method: 'POST', json: { digest: plan.digest } });
    expect(applied.status).toBe(200);
    expect((await (await api(`/imports/${plan.id}`)).json()) as object).toMatchObject({ appliedAt: expect.any(String) });
    const unreadable = await api('/imports', { method: 'POST', body: 'a,b\n', headers: { 'content-type': 'text/csv' } });
    expect(unreadable.status).toBe(422);
  });

  it('previews a French file with its defaults, and names the site of every refused line', async () => {
    const api = await client('curator');
    const preview = await api('/imports', { method: 'POST', body: 'site;catégorie\nmairie-neuve.fr;Commune\nmairie-x.fr;Comune\n', headers: { 'content-type': 'text/csv' } });
    expect(preview.status).toBe(201);
    const plan = (await preview.json()) as { lines: object[] };
    expect(plan.lines).toEqual([
      { line: 2, kind: 'added', after: expect.objectContaining({ host: 'mairie-neuve.fr', scope: 'host', category: 'commune', status: 'active' }), defaulted: ['scope', 'status'] },
      { line: 3, kind: 'error', host: 'mairie-x.fr', issues: [{ field: 'category', code: 'unknown-value', message: expect.stringMatching(/^Valeur « Comune » inconnue dans la colonne catégorie\. Valeurs permises : « commune »/) }] },
    ]);
  });

  it('refuses a body over 10 MB with 413, announced or not', async () => {
    const api = await client('curator');
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(IMPORT_BODY_LIMIT + 1).fill(0x61));
        controller.close();
      },
    });
    const announced = { body: 'host\n', headers: { 'content-type': 'text/csv', 'content-length': String(IMPORT_BODY_LIMIT + 1) } };
    for (const init of [{ body: streamed, headers: { 'content-type': 'text/csv' } }, announced]) {
      const refused = await api('/imports', { method: 'POST', ...init });
      expect(refused.status).toBe(413);
      expect(await refused.json()).toEqual({ error: 'payload-too-large' });
    }
    expect(await fixture.db.selectFrom('imports').select('id').execute()).toEqual([]);
  });
});

describe('OpenAPI document', () => {
  it('is public and describes every operation, generated from the route schemas', async () => {
    const response = await fixture.app.request('/api/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { securitySchemes: object; schemas: Record<string, unknown> } };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.fromEntries(Object.entries(document.paths).map(([path, methods]) => [path, Object.keys(methods).sort()]))).toEqual({
      '/sources': ['get', 'post'],
      '/sources/export.csv': ['get'],
      '/sources/export.json': ['get'],
      '/sources/{id}': ['get', 'patch'],
      '/sources/{id}/history': ['get'],
      '/sources/bulk': ['post'],
      '/events': ['get'],
      '/events/{id}/revert': ['post'],
      '/batches/{id}': ['get'],
      '/batches/{id}/undo': ['post'],
      '/imports': ['post'],
      '/imports/{id}': ['get'],
      '/imports/{id}/apply': ['post'],
      '/atlaas/actors': ['get'],
      '/atlaas/actors/{id}': ['get'],
      '/atlaas/actions': ['get'],
      '/atlaas/actions/{id}': ['get'],
      '/atlaas/by-host/{host}': ['get'],
    });
    expect(Object.keys(document.components.securitySchemes)).toEqual(['Bearer']);
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['Source', 'NewSource', 'SourceChange', 'Event', 'ImportPreview', 'Error']));
  });

  it('answers unknown API paths in JSON', async () => {
    const api = await client('reader');
    const response = await api('/nowhere');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'not-found' });
  });
});
