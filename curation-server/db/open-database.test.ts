import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './open-database.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sdc-open-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const mode = (file: string) => (statSync(file).mode & 0o777).toString(8);

describe('opening the database', () => {
  it('creates its directory for the owner only (0700), and the database, its WAL and shared memory 0600', async () => {
    const path = join(root, 'data', 'curation.sqlite');
    const db = await openDatabase(path);
    try {
      await db.insertInto('users').values({ email: 'a@example.org', role: 'admin', password_hash: 'scrypt$x', created_at: '2026-01-01T00:00:00.000Z', disabled_at: null }).execute();
      expect(mode(join(root, 'data'))).toBe('700');
      expect({ db: mode(path), wal: mode(`${path}-wal`), shm: mode(`${path}-shm`) }).toEqual({ db: '600', wal: '600', shm: '600' });
    } finally {
      await db.destroy();
    }
  });

  it('takes back from other users a database file they could read', async () => {
    const path = join(root, 'curation.sqlite');
    writeFileSync(path, '');
    chmodSync(path, 0o644);
    const db = await openDatabase(path);
    try {
      await db.selectFrom('users').select('id').execute();
      expect({ db: mode(path), wal: mode(`${path}-wal`), shm: mode(`${path}-shm`) }).toEqual({ db: '600', wal: '600', shm: '600' });
    } finally {
      await db.destroy();
    }
  });
});
