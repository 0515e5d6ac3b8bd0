import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeValidSource } from '../../corpus/testing/make-source.ts';
import { type Source, STATUSES } from '../../corpus/source.ts';
import type { Actor } from '../auth/actor.ts';
import type { CurationDatabase } from '../db/open-database.ts';
import { batchById } from '../history/batches.ts';
import { batchEvents, recentEvents } from '../history/event-log.ts';
import { decideReviewItems, listReviewItems, reviewQueueSink } from '../review/review-queue.ts';
import { tempDatabase } from '../testing/temp-database.ts';
import { undoBatch } from './batch-undo.ts';
import { BULK_ACTIONS } from '../db/schema.ts';
import { applyBulkAction, updateSource } from './source-commands.ts';
import { applyImport, previewImport } from './source-imports.ts';
import { sourceById } from './source-store.ts';

const alice: Actor = { label: 'alice@example.org', role: 'curator', userId: null, tokenId: null };
const bob: Actor = { label: 'bob@example.org', role: 'curator', userId: null, tokenId: null };

const NAMES = ['Mairie de Saint-Étienne', 'Commune d’Œting', '', 'Ville <b>nouvelle</b>', 'Préfecture'];

/** A list of distinct sources with every status, several names and validation states. */
const sourcesArbitrary = fc
  .array(fc.record({ status: fc.constantFrom(...STATUSES), name: fc.constantFrom(...NAMES), reviewed: fc.boolean(), scope: fc.constantFrom('host' as const, 'subdomains' as const) }), { minLength: 4, maxLength: 14 })
  .map((drafts) =>
    drafts.map((draft, index): Source =>
      makeValidSource(`mairie-${index}.fr`, {
        id: `sprop${String(index).padStart(7, '0')}`,
        scope: draft.scope,
        status: draft.status,
        name: draft.name,
        provenance: draft.reviewed ? 'etalab/verified,reviewed' : 'etalab/verified',
      }),
    ),
  );

/** Every stored column of every source but the bookkeeping a write always moves (row number, revision, time). */
async function snapshot(db: CurationDatabase): Promise<Map<string, object>> {
  const rows = await db.selectFrom('sources').selectAll().orderBy('id').execute();
  return new Map(rows.map(({ seq: _seq, revision: _revision, updated_at: _updated, ...row }) => [row.id, row]));
}

/** The state before, as undo gives it back: every source as it was; a source the batch added, removed. */
function expectRestored(before: Map<string, object>, after: Map<string, object>) {
  for (const [id, row] of after) {
    if (before.has(id)) expect(row, id).toEqual(before.get(id));
    else expect(row, id).toMatchObject({ status: 'removed' });
  }
  expect([...before.keys()].every((id) => after.has(id))).toBe(true);
}

/** Runs `batch` on a fresh database of `sources`, undoes it, then undoes the undo, checking the state each time. */
async function roundTrip(sources: readonly Source[], batch: (db: CurationDatabase) => Promise<string | null>) {
  const temp = await tempDatabase(sources);
  try {
    const before = await snapshot(temp.db);
    const batchId = await batch(temp.db);
    if (batchId === null) return;
    const done = await snapshot(temp.db);
    const record = await batchById(temp.db, batchId);
    expect(record?.count).toBe((await batchEvents(temp.db, batchId)).length);
    const undone = await undoBatch(temp.db, bob, batchId, '');
    if (!undone.ok) throw new Error(`undo refused: ${JSON.stringify(undone)}`);
    expectRestored(before, await snapshot(temp.db));
    // The undo is a batch too: undoing it gives back what the batch had made.
    const redone = await undoBatch(temp.db, alice, undone.batch, '');
    if (!redone.ok) throw new Error(`undo of the undo refused: ${JSON.stringify(redone)}`);
    expect(await snapshot(temp.db)).toEqual(done);
  } finally {
    await temp.close();
  }
}

describe('undoing a batch restores exactly the state before it', () => {
  it('after a bulk action on any selection', async () => {
    await fc.assert(
      fc.asyncProperty(sourcesArbitrary, fc.constantFrom(...BULK_ACTIONS), fc.array(fc.nat(), { minLength: 2, maxLength: 10 }), async (sources, action, picks) => {
        const ids = picks.map((pick) => sources[pick % sources.length].id);
        await roundTrip(sources, async (db) => {
          const result = await applyBulkAction(db, alice, ids, action, 'lot');
          if (!result.ok) throw new Error(JSON.stringify(result.failures));
          return result.changed > 1 ? result.batch : null;
        });
      }),
      { numRuns: 12 },
    );
  });

  it('after an import that adds and changes sources', async () => {
    const line = fc.record({ pick: fc.nat(), status: fc.constantFrom(...STATUSES), name: fc.constantFrom(...NAMES.filter((name) => !name.includes('<'))), scope: fc.constantFrom('host', 'subdomains') });
    await fc.assert(
      fc.asyncProperty(sourcesArbitrary, fc.array(line, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 3 }), async (sources, lines, added) => {
        const changed = new Map(lines.map((entry) => [sources[entry.pick % sources.length].id, entry]));
        const rows = [...changed].map(([id, entry]) => {
          const source = sources.find((candidate) => candidate.id === id) as Source;
          return `${id},${source.host},${entry.scope},,commune,${entry.status},${entry.name},`;
        });
        for (let index = 0; index < added; index++) rows.push(`,nouvelle-${index}.fr,host,,commune,active,Nouvelle ${index},`);
        await roundTrip(sources, async (db) => {
          const preview = await previewImport(db, alice, { name: 'communes.csv', csv: ['id,host,scope,path,category,status,name,code', ...rows].join('\n') });
          if (!preview.ok) throw new Error(JSON.stringify(preview.issue));
          if (preview.plan.counts.added + preview.plan.counts.changed === 0) return null;
          const applied = await applyImport(db, alice, preview.record.id, { digest: preview.digest, comment: '' });
          if (!applied.ok) throw new Error(applied.reason);
          return applied.batch;
        });
      }),
      { numRuns: 12 },
    );
  });

  it('after a batch of the review queue', async () => {
    await fc.assert(
      fc.asyncProperty(sourcesArbitrary, fc.constantFrom('suspend' as const, 'apply' as const), fc.uniqueArray(fc.nat({ max: 13 }), { minLength: 2, maxLength: 6 }), async (sources, decision, picks) => {
        const chosen = [...new Set(picks.map((pick) => sources[pick % sources.length]))].filter((source) => decision !== 'suspend' || source.status !== 'suspended');
        if (chosen.length < 2) return;
        await roundTrip(sources, async (db) => {
          const sink = reviewQueueSink(db);
          for (const source of chosen) {
            await sink.record({ sourceId: source.id, host: source.host, outcome: 'moved', evidence: { status: 301 }, suggestion: { host: `www2.${source.host}` }, checkedAt: '2026-12-01T10:00:00.000Z', runId: 1 });
          }
          const { items } = await listReviewItems(db, { state: 'open', page: 1, perPage: 50 });
          const decided = await decideReviewItems(db, alice, items.map((item) => item.id), decision, 'lot', '2026-12-01T11:00:00.000Z');
          if (!decided.ok) throw new Error(JSON.stringify(decided));
          return decided.batch;
        });
      }),
      { numRuns: 12 },
    );
  });
});

describe('refusing to undo', () => {
  it('refuses, writing nothing, when a member was changed since, and says which source and by which change', async () => {
    const temp = await tempDatabase();
    try {
      const bulk = await applyBulkAction(temp.db, alice, ['syj66jel4pyz', 'stlyon0000001', 'sxcmuyhvlacd'], 'suspend', '');
      if (!bulk.ok || bulk.batch === null) throw new Error('bulk');
      const later = await updateSource(temp.db, bob, 'stlyon0000001', { name: 'Mairie de Lyon (1er)' }, { comment: '' });
      if (!later.ok) throw new Error('edit');
      const [latest] = (await recentEvents(temp.db, { limit: 1 })).events;
      const before = await snapshot(temp.db);
      const refused = await undoBatch(temp.db, alice, bulk.batch, '');
      expect(refused).toEqual({ ok: false, reason: 'refused', refusals: [{ code: 'changed-since', sourceId: 'stlyon0000001', host: 'mairie-lyon.fr', by: { id: latest.id, actor: 'bob@example.org', at: latest.at } }] });
      expect(await snapshot(temp.db)).toEqual(before);
      expect((await recentEvents(temp.db, { limit: 1 })).events[0].id).toBe(latest.id);
      expect((await sourceById(temp.db, 'syj66jel4pyz'))?.status).toBe('suspended');
    } finally {
      await temp.close();
    }
  });

  it('undoes a batch once: a second undo is refused and names the undo', async () => {
    const temp = await tempDatabase();
    try {
      const bulk = await applyBulkAction(temp.db, alice, ['syj66jel4pyz', 'stlyon0000001'], 'remove', '');
      if (!bulk.ok || bulk.batch === null) throw new Error('bulk');
      const undone = await undoBatch(temp.db, bob, bulk.batch, 'erreur');
      if (!undone.ok) throw new Error('undo');
      expect(await undoBatch(temp.db, bob, bulk.batch, '')).toEqual({ ok: false, reason: 'already-undone', by: undone.batch });
      expect(await batchById(temp.db, undone.batch)).toMatchObject({ kind: 'undo', label: bulk.batch, undoes: bulk.batch, count: 2, actor: 'bob@example.org', comment: 'erreur' });
      const events = await batchEvents(temp.db, undone.batch);
      expect(events.map((event) => `${event.action} ${event.sourceId}`).sort()).toEqual(['revert stlyon0000001', 'revert syj66jel4pyz']);
      expect(events.every((event) => event.reverts !== null && event.comment === 'erreur')).toBe(true);
      expect(await undoBatch(temp.db, bob, 'nosuchbatch', '')).toEqual({ ok: false, reason: 'not-found' });
    } finally {
      await temp.close();
    }
  });

  it('refuses when what a source was is taken since by another source, and says which', async () => {
    const temp = await tempDatabase();
    try {
      const sink = reviewQueueSink(temp.db);
      for (const [sourceId, host] of [['syj66jel4pyz', 'besancon.fr'], ['stlyon0000001', 'mairie-lyon.fr']]) {
        await sink.record({ sourceId, host, outcome: 'moved', evidence: {}, suggestion: { host: `nouveau-${host}` }, checkedAt: '2026-12-01T10:00:00.000Z', runId: 1 });
      }
      const { items } = await listReviewItems(temp.db, { state: 'open', page: 1, perPage: 10 });
      const decided = await decideReviewItems(temp.db, alice, items.map((item) => item.id), 'apply', '', '2026-12-01T11:00:00.000Z');
      if (!decided.ok || decided.batch === null) throw new Error('decide');
      // Someone lists besancon.fr again, as a new source: the moved one cannot take its old hostname back.
      await temp.db.insertInto('sources').values({ id: 'snew00000001', host: 'besancon.fr', scope: 'host', path: '', category: 'commune', status: 'active', name: '', name_key: '', code: '', provenance: 'curated', validation: 'reviewed', revision: 1, updated_at: '2026-12-01T12:00:00.000Z' }).execute();
      const refused = await undoBatch(temp.db, bob, decided.batch, '');
      expect(refused.ok === false && refused.reason).toBe('invalid');
      expect(refused.ok === false && refused.reason === 'invalid' && refused.failures.map((failure) => [failure.host, failure.issues.map((issue) => issue.code)])).toEqual([['besancon.fr', ['duplicate-key']]]);
      expect((await sourceById(temp.db, 'stlyon0000001'))?.host).toBe('nouveau-mairie-lyon.fr');
    } finally {
      await temp.close();
    }
  });
});
