/**
 * The attacks of the security review (issue 10), against the server as people run it: `npm start`
 * on loopback, accounts made with `npm run user`, plain HTTP. Each answer must be the right 4xx (or
 * a redirect that stays on the console), and the server's output must hold no crash: a crash is
 * what app.onError logs, with its stack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleClient, serverClient } from './testing/console-client.ts';
import { type RunningServer, runUserCommand, startCurationServer } from './testing/server-process.ts';
import { SAMPLE_SOURCES } from './testing/temp-database.ts';

const PASSWORD = 'une phrase de passe pour la recette';
const TEN_MB = 10 * 1024 * 1024;

let server: RunningServer;
let admin: ConsoleClient;
let reader: ConsoleClient;
let token: string;

async function signedIn(email: string): Promise<ConsoleClient> {
  const client = serverClient(server.url);
  const response = await client.logIn(email, PASSWORD);
  expect(response.status, `sign-in of ${email}`).toBe(303);
  return client;
}

beforeAll(async () => {
  server = await startCurationServer({ sources: SAMPLE_SOURCES });
  for (const [email, role] of [['admin@example.org', 'admin'], ['reader@example.org', 'reader']]) {
    const created = await runUserCommand(server.databasePath, ['add', email, '--role', role], `${PASSWORD}\n`);
    expect(created.code, created.output).toBe(0);
  }
  admin = await signedIn('admin@example.org');
  reader = await signedIn('reader@example.org');
  await admin.page('/admin/tokens');
  const created = await admin.post('/admin/tokens', { name: 'attaques', role: 'curator' });
  token = /sdc_[A-Za-z0-9_-]+/.exec(await created.text())?.[0] ?? '';
  expect(token).not.toBe('');
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

function api(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  return fetch(`${server.url}/api${path}`, { ...init, headers });
}

/** A multipart body of about `size` bytes, well formed. */
function multipart(size: number, csrf: string): { body: Uint8Array<ArrayBuffer>; contentType: string } {
  const head = `--x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--x\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`;
  const tail = '\r\n--x--\r\n';
  const body = new Uint8Array(size).fill(0x61);
  body.set(new TextEncoder().encode(head));
  body.set(new TextEncoder().encode(tail), size - tail.length);
  return { body, contentType: 'multipart/form-data; boundary=x' };
}

const BROKEN_MULTIPART = { body: '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\nunfinished', headers: { 'content-type': 'multipart/form-data; boundary=x' } };

describe('attacks on npm start', { timeout: 60_000 }, () => {
  it('never redirects to another site, however the return path is written', async () => {
    await admin.page('/sources');
    for (const target of ['/.//evil.example', '/\\evil.example', '//evil.example', '/%2e//evil.example']) {
      const bulk = await admin.post('/sources/bulk', { ids: 'syj66jel4pyz', action: 'suspend', comment: '', return: target, confirm: '1' });
      expect(bulk.status, target).toBe(303);
      expect(bulk.headers.get('location'), target).toMatch(/^\/sources\?done=bulk&changed=[01]&unchanged=[01]$/);
    }
    const events = (await (await api('/events?limit=1')).json()) as { events: { id: number; action: string }[] };
    expect(events.events[0].action).toBe('suspend');
    const reverted = await admin.post(`/events/${events.events[0].id}/revert`, { comment: '', return: '/.//evil.example' });
    expect(reverted.status).toBe(303);
    expect(reverted.headers.get('location')).toBe('/activity?done=reverted');
    const login = await admin.request(`/login?next=${encodeURIComponent('/.//evil.example')}`);
    expect(login.headers.get('location')).toBe('/sources');
  });

  it('answers a NUL byte in a search with 400, in the console, the API and every export', async () => {
    for (const path of ['/sources?q=abc%00def', '/sources/export.csv?q=abc%00def', '/sources/export.json?q=abc%00def']) {
      const refused = await reader.request(path);
      expect(refused.status, path).toBe(400);
      expect(await refused.text(), path).toContain('La recherche contient un caractère de contrôle');
    }
    for (const path of ['/sources?q=abc%00def', '/sources/export.csv?q=abc%00def', '/sources/export.json?q=abc%00def']) {
      const refused = await api(path);
      expect(refused.status, path).toBe(400);
      expect(await refused.json(), path).toMatchObject({ error: 'invalid-request', issues: [{ field: 'q' }] });
    }
  });

  it('answers malformed bodies with 400 or 415, never 500', async () => {
    const anonymous = serverClient(server.url);
    await anonymous.page('/login');
    const login = await anonymous.request('/login', { method: 'POST', ...BROKEN_MULTIPART });
    expect(login.status).toBe(400);
    expect(await login.text()).toContain('Les données envoyées sont illisibles');
    const json = await api('/sources', { method: 'POST', body: '{"host": ', headers: { 'content-type': 'application/json' } });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: 'invalid-request', issues: [{ code: 'malformed-body' }] });
    const type = await api('/sources', { method: 'POST', body: '{"host":"mairie-exemple.fr"}', headers: { 'content-type': 'text/plain' } });
    expect(type.status).toBe(415);
    const none = await api('/sources/bulk', { method: 'POST', body: new TextEncoder().encode('{"ids":["syj66jel4pyz"],"action":"remove"}') });
    expect(none.status).toBe(415);
  });

  it('refuses an anonymous or a reader’s import before reading its body', async () => {
    const anonymous = serverClient(server.url);
    await anonymous.page('/login');
    // Well formed, 10 MB: sent to sign in. Broken: the same answer, so it was not parsed.
    const big = multipart(TEN_MB - 1024, anonymous.csrfToken);
    const sent = await anonymous.request('/import', { method: 'POST', body: big.body, headers: { 'content-type': big.contentType } });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe('/login');
    const broken = await anonymous.request('/import', { method: 'POST', ...BROKEN_MULTIPART });
    expect(broken.status).toBe(303);
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(big.body);
        controller.close();
      },
    });
    const chunked = await anonymous.request('/import', { method: 'POST', body: streamed, duplex: 'half', headers: { 'content-type': big.contentType } } as RequestInit);
    expect(chunked.status).toBe(303);
    await reader.page('/sources');
    const readers = await reader.request('/import', { method: 'POST', ...BROKEN_MULTIPART });
    expect(readers.status).toBe(403);
    expect(await readers.text()).toContain('Votre rôle ne permet pas cette action.');
  });

  it('logged no crash meanwhile', () => {
    expect(server.output()).not.toMatch(/Error\b|^\s+at /m);
  });
});
