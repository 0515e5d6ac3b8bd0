/** Opens (or creates) the curation database file and brings its schema up to date. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from './migrations.ts';
import type { Database } from './schema.ts';

export type CurationDatabase = Kysely<Database>;

export async function openDatabase(path: string): Promise<CurationDatabase> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
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
