import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor.ts';
import { batchById } from '../history/batches.ts';
import { appendEvent } from '../history/event-log.ts';
import { SAMPLE_SOURCES } from '../testing/temp-database.ts';
import { MIGRATIONS, migrateToLatest } from './migrations.ts';
import type { Database } from './schema.ts';

let directory: string;
let db: Kysely<Database>;
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'sdc-migration-'));
  db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(join(directory, 'curation.sqlite')) }) });
});
afterEach(async () => {
  await db.destroy();
  rmSync(directory, { recursive: true, force: true });
});

const alice: Actor = { label: 'alice@example.org', role: 'curator', userId: null, tokenId: null };
const [ain, besancon] = SAMPLE_SOURCES;

describe('migration 010-batches', () => {
  it('records the batches made before it from their events: imports, review batches, bulk actions', async () => {
    const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '010'));
    expect(await migrateToLatest(db as Kysely<unknown>, before)).toMatchObject({ ok: true });
    const change = async (batch: string, action: 'suspend' | 'update', at: string, comment: string) => {
      for (const source of [ain, besancon]) await appendEvent(db, { at, actor: alice, action, sourceId: source.id, before: source, after: { ...source, status: 'suspended' }, comment, batch });
    };
    await change('bulk00000001', 'suspend', '2026-11-01T10:00:00.000Z', 'audit');
    await change('import000001', 'update', '2026-11-02T10:00:00.000Z', 'import communes.csv');
    await db.insertInto('imports').values({ id: 'import000001', created_by: alice.label, user_id: null, token_id: null, created_at: '2026-11-02T09:00:00.000Z', file_name: 'communes.csv', csv: 'host', plan_digest: 'x', applied_at: '2026-11-02T10:00:00.000Z' }).execute();
    await change('review000001', 'suspend', '2026-11-03T10:00:00.000Z', 'file de revue');
    const { id: item } = await db.insertInto('review_items').values({ kind: 'crawl', reason: 'suspicious', source_id: null, host: ain.host, opened_at: '2026-11-03T09:00:00.000Z', seen_at: '2026-11-03T09:00:00.000Z' }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('review_decisions').values({ item_id: item, at: '2026-11-03T10:00:00.000Z', actor: alice.label, user_id: null, decision: 'suspend', comment: '', batch: 'review000001', event_id: null }).execute();
    await appendEvent(db, { at: '2026-11-04T10:00:00.000Z', actor: alice, action: 'update', sourceId: ain.id, before: ain, after: ain, comment: 'seul' });

    const through010 = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '011'));
    expect(await migrateToLatest(db as Kysely<unknown>, through010)).toEqual({ ok: true, applied: ['010-batches'] });
    expect(await db.selectFrom('batches').select('id').orderBy('id').execute()).toHaveLength(3);
    expect(await batchById(db, 'bulk00000001')).toEqual({ id: 'bulk00000001', kind: 'bulk', label: 'suspend', at: '2026-11-01T10:00:00.000Z', actor: 'alice@example.org', count: 2, comment: 'audit', undoes: null, undoneBy: [] });
    expect(await batchById(db, 'import000001')).toMatchObject({ kind: 'import', label: 'communes.csv', count: 2 });
    expect(await batchById(db, 'review000001')).toMatchObject({ kind: 'review', label: 'suspend', count: 2 });
    // Append-only from then on.
    await expect(db.updateTable('batches').set({ count: 0 }).execute()).rejects.toThrow('batches are append-only');
    await expect(db.deleteFrom('batches').execute()).rejects.toThrow('batches are append-only');
  });
});
