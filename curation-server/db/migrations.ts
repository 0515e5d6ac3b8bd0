/**
 * Brings a database to the latest schema. Migrations are listed here explicitly (not read from a
 * folder at run time) so that they are type-checked and bundled like any other module; new ones
 * are appended with the next number, and an applied one is never edited.
 */
import { type Kysely, type Migration, Migrator } from 'kysely';
import * as accounts from './migrations/001-accounts.ts';
import * as sources from './migrations/002-sources.ts';
import * as events from './migrations/003-events.ts';
import * as imports from './migrations/004-imports.ts';
import * as publications from './migrations/005-publications.ts';
import * as crawler from './migrations/006-crawler.ts';
import * as reviewQueue from './migrations/007-review-queue.ts';
import * as atlaas from './migrations/008-atlaas.ts';
import * as consoleAccounts from './migrations/009-accounts.ts';
import * as batches from './migrations/010-batches.ts';
import * as atlaasDataVersions from './migrations/011-atlaas-data-versions.ts';

export const MIGRATIONS: Record<string, Migration> = {
  '001-accounts': accounts,
  '002-sources': sources,
  '003-events': events,
  '004-imports': imports,
  '005-publications': publications,
  '006-crawler': crawler,
  '007-review-queue': reviewQueue,
  '008-atlaas': atlaas,
  '009-accounts': consoleAccounts,
  '010-batches': batches,
  '011-atlaas-data-versions': atlaasDataVersions,
};

export type MigrationOutcome = { ok: true; applied: string[] } | { ok: false; failed: string; error: unknown };

export async function migrateToLatest(db: Kysely<unknown>, migrations: Record<string, Migration> = MIGRATIONS): Promise<MigrationOutcome> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results = [] } = await migrator.migrateToLatest();
  const applied = results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
  if (error !== undefined) {
    return { ok: false, failed: results.find((result) => result.status === 'Error')?.migrationName ?? '?', error };
  }
  return { ok: true, applied };
}
