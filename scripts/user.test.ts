import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticate, userByEmail } from '../curation-server/auth/users.ts';
import { openDatabase } from '../curation-server/db/open-database.ts';

const SCRIPT = fileURLToPath(new URL('./user.ts', import.meta.url));
// By its path: the command runs from a directory of its own, where `--import tsx` would not resolve.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const PASSWORD = 'une phrase de passe assez longue';

let directory: string;
let databasePath: string;
beforeEach(async () => {
  directory = mkdtempSync(join(tmpdir(), 'sdc-user-cli-'));
  databasePath = join(directory, 'curation.sqlite');
  // The database as the server leaves it: `npm run user` works only on one that exists.
  await (await openDatabase(databasePath)).destroy();
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

function user(args: string[], input = '', env: Record<string, string | undefined> = { SDC_DB: databasePath }) {
  const run = spawnSync(process.execPath, ['--import', TSX, SCRIPT, ...args], { input, encoding: 'utf8', cwd: directory, env: { ...process.env, ...env } });
  return { status: run.status, out: run.stdout + run.stderr, stdout: run.stdout, stderr: run.stderr };
}

async function withDatabase<T>(read: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase(databasePath);
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
    expect(added).toMatchObject({ status: 0, stdout: 'Compte créé : admin@example.org (admin).\n' });
    expect(added.out).not.toContain(PASSWORD);
    await withDatabase(async (db) => {
      expect(await authenticate(db, 'admin@example.org', PASSWORD)).toMatchObject({ role: 'admin' });
      const [row] = await db.selectFrom('users').select('password_hash').execute();
      expect(row.password_hash).not.toContain(PASSWORD);
    });
    const listed = user(['list']);
    expect(listed.stdout).toMatch(/^admin@example.org\tadmin\tactif\t\d{4}-[^\n]*\n$/);
    expect(listed.out).not.toContain(PASSWORD);
  });

  it('says which database it works on, apart from what it prints for scripts', () => {
    const listed = user(['list']);
    expect(listed).toMatchObject({ status: 0, stdout: 'Aucun compte.\n', stderr: `Base : ${databasePath}\n` });
  });

  it('refuses to create a database the server has never opened, naming the path, SDC_DB and how to start the server', () => {
    const elsewhere = join(directory, 'ailleurs', 'curation.sqlite');
    const refused = user(['add', 'admin@example.org', '--role', 'admin'], `${PASSWORD}\n`, { SDC_DB: elsewhere });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`Aucune base de données à ${elsewhere}`);
    expect(refused.stderr).toContain('SDC_DB');
    expect(refused.stderr).toContain('npm start');
    expect(existsSync(join(directory, 'ailleurs'))).toBe(false);
    // Without SDC_DB: the server's default, data/curation.sqlite from where it runs — absent here.
    const byDefault = user(['list'], '', { SDC_DB: undefined });
    expect(byDefault.status).toBe(2);
    expect(byDefault.stderr).toContain(`Aucune base de données à ${join(directory, 'data', 'curation.sqlite')}`);
    expect(existsSync(join(directory, 'data'))).toBe(false);
  });

  it('refuses short passwords, duplicates, unknown roles and missing input, with a French reason', () => {
    expect(user(['add', 'a@example.org', '--role', 'curator'], 'court\n')).toMatchObject({ status: 1, out: expect.stringContaining('Mot de passe trop court') });
    expect(user(['add', 'a@example.org', '--role', 'boss'], `${PASSWORD}\n`)).toMatchObject({ status: 2, out: expect.stringContaining('Rôle inconnu') });
    expect(user(['add', 'a@example.org', '--role', 'curator'], '')).toMatchObject({ status: 1, stderr: expect.stringMatching(/\nAucun mot de passe sur l’entrée standard.\n$/) });
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
    expect(user(['role', 'c@example.org', 'reader']).stdout).toBe('c@example.org : reader, actif.\n');
    expect(user(['disable', 'c@example.org']).status).toBe(0);
    expect(user(['disable', 'admin@example.org'])).toMatchObject({ status: 1, out: expect.stringContaining('au moins un administrateur') });
    await withDatabase(async (db) => {
      expect(await userByEmail(db, 'c@example.org')).toMatchObject({ role: 'reader', disabled: true });
      expect(await authenticate(db, 'c@example.org', 'un tout autre mot de passe')).toBeNull();
      // Recorded in the accounts' audit trail, as the console's changes are; never the password.
      const events = await db.selectFrom('account_events').select(['actor', 'email', 'action', 'detail']).orderBy('id').execute();
      expect(events.map((event) => [event.actor, event.email, event.action])).toEqual([
        ['ligne de commande', 'admin@example.org', 'create'],
        ['ligne de commande', 'c@example.org', 'create'],
        ['ligne de commande', 'c@example.org', 'password-changed'],
        ['ligne de commande', 'c@example.org', 'role'],
        ['ligne de commande', 'c@example.org', 'disable'],
      ]);
      expect(JSON.stringify(events)).not.toContain('un tout autre mot de passe');
    });
  });
});
