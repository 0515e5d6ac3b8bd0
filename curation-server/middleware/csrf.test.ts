import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sourceById } from '../sources/source-store.ts';
import { type ConsoleClient, type ConsoleFixture, consoleFixture } from '../testing/console-client.ts';

let fixture: ConsoleFixture;
beforeEach(async () => {
  fixture = await consoleFixture();
});
afterEach(async () => {
  await fixture.close();
});

/** A multipart body that says whether anything read it (highWaterMark 0: nothing is pulled before a read). */
function watchedBody() {
  const watch = { read: false };
  const bytes = new TextEncoder().encode('--x\r\nContent-Disposition: form-data; name="text"\r\n\r\nhost\r\n--x--\r\n');
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        watch.read = true;
        controller.enqueue(bytes);
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return { watch, init: { method: 'POST', body, duplex: 'half', headers: { 'content-type': 'multipart/form-data; boundary=x' } } as RequestInit };
}

async function postWatched(client: ConsoleClient, path: string) {
  const { watch, init } = watchedBody();
  const response = await client.request(path, init);
  return { response, read: watch.read };
}

describe('CSRF and the order of checks', () => {
  it('refuses an anonymous post to a signed-in route before reading its body', async () => {
    const client = fixture.anonymous();
    await client.page('/login');
    const { response, read } = await postWatched(client, '/import');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login');
    expect(read).toBe(false);
  });

  it('refuses a post the role does not allow before reading its body', async () => {
    const reader = await fixture.as('reader');
    for (const path of ['/import', '/sources/bulk', '/admin/tokens']) {
      const { response, read } = await postWatched(reader, path);
      expect(response.status, path).toBe(403);
      expect(await response.text()).toContain('Votre rôle ne permet pas cette action.');
      expect(read, path).toBe(false);
    }
  });

  it('still wants the token from those allowed to post, and reads the sign-in form of anonymous visitors for it', async () => {
    const curator = await fixture.as('curator');
    const { response, read } = await postWatched(curator, '/import');
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Formulaire expiré');
    expect(read).toBe(true);
    const anonymous = fixture.anonymous();
    await anonymous.page('/login');
    expect((await anonymous.post('/login', { email: 'x@example.org', password: 'x' }, { csrf: false })).status).toBe(403);
  });

  it('refuses every state-changing console route without its token, whatever the role', async () => {
    const admin = await fixture.as('admin');
    const routes = fixture.app.routes.filter((route) => route.method === 'POST' && !route.path.startsWith('/api'));
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes) {
      const path = route.path.replace(/:[a-z]+/gi, '1');
      const refused = await admin.post(path, { status: 'removed', ids: 'syj66jel4pyz', action: 'remove' }, { csrf: false });
      expect(refused.status, path).toBe(403);
      expect(await refused.text(), path).toContain('Formulaire expiré');
    }
    expect((await fixture.db.selectFrom('events').select('id').where('action', '!=', 'seed').execute()).length).toBe(0);
  });

  it('takes the token from the x-csrf-token header too: the right one passes, a wrong one is refused', async () => {
    const curator = await fixture.as('curator');
    const send = (token: string, status: string) =>
      curator.request('/sources/syj66jel4pyz/status', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': token }, body: new URLSearchParams({ status }) });
    const wrong = await send(`${curator.csrfToken.slice(0, -1)}x`, 'removed');
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toContain('Formulaire expiré');
    expect((await sourceById(fixture.db, 'syj66jel4pyz'))?.status).toBe('active');
    const right = await send(curator.csrfToken, 'suspended');
    expect(right.status).toBe(303);
    expect((await sourceById(fixture.db, 'syj66jel4pyz'))?.status).toBe('suspended');
    // A wrong header is not made up for by a right field.
    const both = await curator.request('/sources/syj66jel4pyz/status', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': 'wrong' },
      body: new URLSearchParams({ _csrf: curator.csrfToken, status: 'removed' }),
    });
    expect(both.status).toBe(403);
    expect((await sourceById(fixture.db, 'syj66jel4pyz'))?.status).toBe('suspended');
  });

  it('takes the header on the anonymous sign-in form as well', async () => {
    const client = fixture.anonymous();
    await client.page('/login');
    const send = (token: string) => client.request('/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': token }, body: new URLSearchParams({ email: 'nobody@example.org', password: 'x' }) });
    expect((await send('wrong')).status).toBe(403);
    expect((await send(client.csrfToken)).status).toBe(401);
  });
});
