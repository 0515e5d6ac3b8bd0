/**
 * Opens (or creates) the curation database file and brings its schema up to date. The file holds
 * password hashes, session and token digests and uploaded CSVs: it is the owner's only (0600, and
 * its directory 0700 when created here), whatever SQLite's default (0644) and the umask.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from './migrations.ts';
import type { Database } from './schema.ts';

export type CurationDatabase = Kysely<Database>;

const OWNER_ONLY = 0o600;

/** Creates the file owner-only before SQLite does (its -wal and -shm then take the same mode), and takes back a looser one. */
function prepareDatabaseFile(path: string): void {
  // Only a directory created here is made private: an existing one may be shared (the working directory).
  if (!existsSync(dirname(path))) mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', OWNER_ONLY));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, OWNER_ONLY);
  }
}

export async function openDatabase(path: string): Promise<CurationDatabase> {
  if (path !== ':memory:') prepareDatabaseFile(path);
  const sqlite = new SQLite(path);
  // WAL: readers (the console, the CLI, a backup) never wait for the writer.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrated = await migrateToLatest(db as Kysely<unknown>);
  if (!migrated.ok) {
    await db.destroy();
    throw new Error(`Migration ${migrated.failed} failed on ${path}`, { cause: migrated.error });
  }
  return db;
}
