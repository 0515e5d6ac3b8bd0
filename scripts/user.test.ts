import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticate, userByEmail } from '../curation-server/auth/users.ts';
import { openDatabase } from '../curation-server/db/open-database.ts';

const SCRIPT = fileURLToPath(new URL('./user.ts', import.meta.url));
const PASSWORD = 'une phrase de passe assez longue';

let directory: string;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'sdc-user-cli-'));
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

function user(args: string[], input = '') {
  const run = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, SDC_DB: join(directory, 'curation.sqlite') },
  });
  return { status: run.status, out: run.stdout + run.stderr };
}

async function withDatabase<T>(read: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase(join(directory, 'curation.sqlite'));
  try {
    return await read(db);
  } finally {
    await db.destroy();
  }
}

// Each case starts real processes (tsx, the whole account code): seconds, not milliseconds.
describe('npm run user', { timeout: 60_000 }, () => {
  it('creates an account with the password from standard input, never printing it', async () => {
    const added = user(['add', 'Admin@Example.org', '--role', 'admin'], `${PASSWORD}\n`);
    expect(added).toEqual({ status: 0, out: 'Compte créé : admin@example.org (admin).\n' });
    await withDatabase(async (db) => {
      expect(await authenticate(db, 'admin@example.org', PASSWORD)).toMatchObject({ role: 'admin' });
      const [row] = await db.selectFrom('users').select('password_hash').execute();
      expect(row.password_hash).not.toContain(PASSWORD);
    });
    const listed = user(['list']);
    expect(listed.out).toMatch(/^admin@example.org\tadmin\tactif\t\d{4}-/);
    expect(listed.out).not.toContain(PASSWORD);
  });

  it('refuses short passwords, duplicates, unknown roles and missing input, with a French reason', () => {
    expect(user(['add', 'a@example.org', '--role', 'curator'], 'court\n')).toMatchObject({ status: 1, out: expect.stringContaining('Mot de passe trop court') });
    expect(user(['add', 'a@example.org', '--role', 'boss'], `${PASSWORD}\n`)).toMatchObject({ status: 2, out: expect.stringContaining('Rôle inconnu') });
    expect(user(['add', 'a@example.org', '--role', 'curator'], '')).toMatchObject({ status: 1, out: 'Aucun mot de passe sur l’entrée standard.\n' });
    expect(user(['add', 'a@example.org', '--role', 'curator'], `${PASSWORD}\n`).status).toBe(0);
    expect(user(['add', 'A@example.org', '--role', 'reader'], `${PASSWORD}\n`)).toMatchObject({ status: 1, out: expect.stringContaining('Ce compte existe déjà') });
    expect(user(['frobnicate'])).toMatchObject({ status: 2, out: expect.stringContaining('Usage') });
  });

  it('refuses blank, trivial and common passwords, when adding an account and when changing one, with a French reason', async () => {
    expect(user(['add', 'a@example.org', '--role', 'curator'], `${' '.repeat(12)}\n`)).toMatchObject({ status: 1, out: expect.stringContaining('Mot de passe refusé : il n’est fait que d’espaces.') });
    expect(user(['add', 'a@example.org', '--role', 'curator'], 'abcabcabcabc\n')).toMatchObject({ status: 1, out: expect.stringContaining('Mot de passe trop simple') });
    expect(user(['add', 'a@example.org', '--role', 'curator'], 'Azertyuiop123\n')).toMatchObject({ status: 1, out: expect.stringContaining('Mot de passe trop courant') });
    expect(user(['add', 'a@example.org', '--role', 'curator'], `${PASSWORD}\n`).status).toBe(0);
    expect(user(['passwd', 'a@example.org'], 'qwerty123456\n')).toMatchObject({ status: 1, out: expect.stringContaining('Mot de passe trop courant') });
    await withDatabase(async (db) => {
      expect(await authenticate(db, 'a@example.org', PASSWORD)).toMatchObject({ email: 'a@example.org' });
    });
  });

  it('changes passwords and roles, and disables accounts, but keeps one administrator', async () => {
    user(['add', 'admin@example.org', '--role', 'admin'], `${PASSWORD}\n`);
    user(['add', 'c@example.org', '--role', 'curator'], `${PASSWORD}\n`);
    expect(user(['passwd', 'c@example.org'], 'un tout autre mot de passe\n').status).toBe(0);
    // Checked while the account is still active: a disabled one refuses every password.
    await withDatabase(async (db) => {
      expect(await authenticate(db, 'c@example.org', 'un tout autre mot de passe')).toMatchObject({ email: 'c@example.org' });
      expect(await authenticate(db, 'c@example.org', PASSWORD)).toBeNull();
    });
    expect(user(['role', 'c@example.org', 'reader']).out).toBe('c@example.org : reader, actif.\n');
    expect(user(['disable', 'c@example.org']).status).toBe(0);
    expect(user(['disable', 'admin@example.org'])).toMatchObject({ status: 1, out: expect.stringContaining('au moins un administrateur') });
    await withDatabase(async (db) => {
      expect(await userByEmail(db, 'c@example.org')).toMatchObject({ role: 'reader', disabled: true });
      expect(await authenticate(db, 'c@example.org', 'un tout autre mot de passe')).toBeNull();
    });
  });
});
