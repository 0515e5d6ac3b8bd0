import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TempDatabase, tempDatabase } from '../testing/temp-database.ts';
import { apiTokenFor, createApiToken, listApiTokens } from './api-tokens.ts';
import { createUser, updateAccount, type User } from './users.ts';

const PASSWORD = 'une phrase de passe assez longue';
const NOW = new Date('2026-11-23T08:00:00Z');

let temp: TempDatabase;
let creator: User;
beforeEach(async () => {
  temp = await tempDatabase([]);
  // Two administrators, so that one of them may be disabled.
  await createUser(temp.db, { email: 'other@example.org', role: 'admin', password: PASSWORD });
  const created = await createUser(temp.db, { email: 'admin@example.org', role: 'admin', password: PASSWORD });
  if (!created.ok) throw new Error(created.problem);
  creator = created.user;
});
afterEach(async () => {
  await temp.close();
});

describe('API tokens', () => {
  it('are revoked with the account that created them, and stay revoked when it is enabled again', async () => {
    const { token } = await createApiToken(temp.db, { name: 'import nocturne', role: 'curator', createdBy: creator.id });
    expect(await apiTokenFor(temp.db, token, NOW)).toMatchObject({ name: 'import nocturne', role: 'curator' });
    expect((await updateAccount(temp.db, creator.id, { disabled: true })).ok).toBe(true);
    expect(await apiTokenFor(temp.db, token, NOW)).toBeUndefined();
    expect((await listApiTokens(temp.db))[0].revokedAt).not.toBeNull();
    expect((await updateAccount(temp.db, creator.id, { disabled: false })).ok).toBe(true);
    expect(await apiTokenFor(temp.db, token, NOW)).toBeUndefined();
  });

  it('are refused while their creator is disabled, even when nothing revoked them (accounts disabled before tokens went with them)', async () => {
    const { token } = await createApiToken(temp.db, { name: 'export', role: 'reader', createdBy: creator.id });
    await temp.db.updateTable('users').set({ disabled_at: NOW.toISOString() }).where('id', '=', creator.id).execute();
    expect(await apiTokenFor(temp.db, token, NOW)).toBeUndefined();
  });
});
