import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tokenDigest } from '../auth/secret-token.ts';
import { userByEmail } from '../auth/users.ts';
import { type ConsoleFixture, consoleFixture } from '../testing/console-client.ts';

let fixture: ConsoleFixture;
beforeEach(async () => {
  fixture = await consoleFixture();
});
afterEach(async () => {
  await fixture.close();
});

describe('administration', () => {
  it('is for administrators only', async () => {
    const curator = await fixture.as('curator');
    expect((await curator.request('/admin')).status).toBe(403);
    expect((await curator.request('/admin/users')).status).toBe(403);
    expect((await curator.page('/sources')).html).not.toContain('href="/admin"');
    const admin = await fixture.as('admin');
    const { html } = await admin.page('/admin');
    expect(html).toContain('href="/admin/users"');
    expect(html).toContain('href="/admin/tokens"');
  });

  it('changes roles and disables accounts (after a confirmation), which closes their sessions', async () => {
    const curator = await fixture.as('curator');
    const admin = await fixture.as('admin');
    const user = await userByEmail(fixture.db, 'curator@example.org');
    await admin.page(`/admin/users/${user?.id}`);
    expect((await admin.post(`/admin/users/${user?.id}/role`, { role: 'reader' })).headers.get('location')).toBe(`/admin/users/${user?.id}?done=accountUpdated`);
    expect((await userByEmail(fixture.db, 'curator@example.org'))?.role).toBe('reader');
    expect((await curator.page('/sources')).html).not.toContain('Ajouter une source');
    const asked = await admin.post(`/admin/users/${user?.id}/disable`, {});
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain('Désactiver le compte curator@example.org ?');
    expect((await userByEmail(fixture.db, 'curator@example.org'))?.disabled).toBe(false);
    expect((await curator.request('/sources')).status).toBe(200);
    expect((await admin.post(`/admin/users/${user?.id}/disable`, { confirm: '1' })).status).toBe(303);
    expect((await curator.request('/sources')).status).toBe(303);
    expect((await admin.post(`/admin/users/${user?.id}/enable`, {})).status).toBe(303);
    expect((await userByEmail(fixture.db, 'curator@example.org'))?.disabled).toBe(false);
  });

  it('refuses to leave the server without an active administrator', async () => {
    const admin = await fixture.as('admin');
    const self = await userByEmail(fixture.db, 'admin@example.org');
    await admin.page('/admin/users');
    const refused = await admin.post(`/admin/users/${self?.id}/role`, { role: 'curator' });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('il doit rester au moins un administrateur actif');
    expect((await admin.post(`/admin/users/${self?.id}/disable`, { confirm: '1' })).status).toBe(409);
    expect((await userByEmail(fixture.db, 'admin@example.org'))?.role).toBe('admin');
  });

  it('shows a new API token once, stores its digest, and revokes it', async () => {
    const admin = await fixture.as('admin');
    await admin.page('/admin/tokens');
    const created = await admin.post('/admin/tokens', { name: 'synchro <nocturne>', role: 'curator' });
    const html = await created.text();
    const token = /<code class="secret">(sdc_[\w-]+)<\/code>/.exec(html)?.[1] ?? '';
    expect(token).toMatch(/^sdc_[\w-]{43}$/);
    expect(html).toContain('synchro &lt;nocturne&gt;');
    const [row] = await fixture.db.selectFrom('api_tokens').selectAll().execute();
    expect(row.token_hash).toBe(tokenDigest(token));
    expect((await admin.page('/admin/tokens')).html).not.toContain(token);
    expect((await fixture.app.request('/api/sources', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const revoked = await admin.post(`/admin/tokens/${row.id}/revoke`, {});
    expect(revoked.status).toBe(303);
    expect(revoked.headers.get('location')).toContain('done=tokenRevoked');
    expect((await fixture.app.request('/api/sources', { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    // Revoked already, unknown, or not a number: not found, never "revoked".
    for (const id of [String(row.id), '999', 'abc']) expect((await admin.post(`/admin/tokens/${id}/revoke`, {})).status, id).toBe(404);
  });
});
