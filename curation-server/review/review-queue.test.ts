import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { recentEvents, sourceHistory } from '../history/event-log.ts';
import { sourceById } from '../sources/source-store.ts';
import { type TempDatabase, tempDatabase } from '../testing/temp-database.ts';
import { availableDecisions } from './review-decisions.ts';
import { addReport, decideReviewItems, listReviewItems, reviewItemById, reviewQueueSink, sourceForHost } from './review-queue.ts';
import type { CrawlFinding } from './review-types.ts';

let temp: TempDatabase;
beforeEach(async () => {
  temp = await tempDatabase();
});
afterEach(async () => {
  await temp.close();
});

const curator = { label: 'curateur@example.org', role: 'curator' as const, userId: null, tokenId: null };
const AT = '2026-12-01T10:00:00.000Z';

function finding(fields: Partial<CrawlFinding> = {}): CrawlFinding {
  return { sourceId: 'syj66jel4pyz', host: 'besancon.fr', outcome: 'suspicious', evidence: { status: 200, title: 'Ce domaine est à vendre', signals: ['parking-ns'] }, checkedAt: AT, runId: 1, ...fields };
}

const open = (extra: object = {}) => listReviewItems(temp.db, { state: 'open', page: 1, perPage: 50, ...extra });

describe('the crawler sink', () => {
  it('keeps one open item per source and outcome: a newer finding refreshes its evidence', async () => {
    const sink = reviewQueueSink(temp.db);
    await sink.record(finding());
    await sink.record(finding({ evidence: { status: 200, title: 'Domaine en vente', signals: ['parking-ns', 'for-sale'] }, checkedAt: '2026-12-02T10:00:00.000Z', runId: 2 }));
    await sink.record(finding({ outcome: 'unreachable', evidence: { error: 'ECONNREFUSED' } }));
    const { items, total } = await open();
    expect(total).toBe(2);
    const suspicious = items.find((item) => item.reason === 'suspicious');
    expect(suspicious).toMatchObject({ findings: 2, runId: 2, openedAt: AT, seenAt: '2026-12-02T10:00:00.000Z', evidence: { title: 'Domaine en vente' } });
    expect(suspicious?.source?.host).toBe('besancon.fr');
  });

  it('keeps the newest evidence when an older finding arrives late', async () => {
    const sink = reviewQueueSink(temp.db);
    await sink.record(finding({ checkedAt: '2026-12-02T10:00:00.000Z', evidence: { title: 'récent' } }));
    await sink.record(finding({ evidence: { title: 'ancien' } }));
    expect((await open()).items[0].evidence).toEqual({ title: 'récent' });
  });

  it('opens a new item once the previous one is decided', async () => {
    const sink = reviewQueueSink(temp.db);
    await sink.record(finding());
    const [first] = (await open()).items;
    await decideReviewItems(temp.db, curator, [first.id], 'keep', '', AT);
    await sink.record(finding({ checkedAt: '2026-12-03T10:00:00.000Z' }));
    expect((await open()).items.map((item) => item.id)).not.toContain(first.id);
    expect((await open()).total).toBe(1);
  });

  it('refuses a finding that does not fit the contract, and never changes a source', async () => {
    const sink = reviewQueueSink(temp.db);
    await expect(sink.record({ ...finding(), outcome: 'ok' as never })).rejects.toThrow();
    await expect(sink.record({ ...finding(), checkedAt: 'hier' })).rejects.toThrow();
    await expect(sink.record(finding({ sourceId: 'nonexistent00' }))).rejects.toThrow();
    await sink.record(finding());
    expect((await sourceById(temp.db, 'syj66jel4pyz'))?.status).toBe('active');
    expect((await recentEvents(temp.db, { limit: 100 })).events.every((event) => event.action === 'seed')).toBe(true);
  });
});

describe('decisions', () => {
  it('suspends a source through the source commands, with an event the decision points to', async () => {
    await reviewQueueSink(temp.db).record(finding());
    const [item] = (await open()).items;
    expect(item.available).toEqual(['suspend', 'keep']);
    const decided = await decideReviewItems(temp.db, curator, [item.id], 'suspend', 'parking', AT);
    expect(decided).toMatchObject({ ok: true, decided: 1, changed: 1, batch: null });
    expect((await sourceById(temp.db, 'syj66jel4pyz'))?.status).toBe('suspended');
    const [event] = await sourceHistory(temp.db, 'syj66jel4pyz');
    expect(event).toMatchObject({ action: 'suspend', actor: 'curateur@example.org', comment: 'file de revue — parking' });
    const after = await reviewItemById(temp.db, item.id);
    expect(after?.decision).toMatchObject({ decision: 'suspend', actor: 'curateur@example.org', at: AT, comment: 'parking', eventId: event.id });
    expect(after?.available).toEqual([]);
    expect((await listReviewItems(temp.db, { state: 'decided', page: 1, perPage: 50 })).total).toBe(1);
  });

  it('applies a suggested edit, validated like any edit', async () => {
    await reviewQueueSink(temp.db).record(finding({ outcome: 'moved', suggestion: { host: 'www.grandbesancon.fr' } }));
    const [item] = (await open()).items;
    expect(item.available).toContain('apply');
    expect(await decideReviewItems(temp.db, curator, [item.id], 'apply', '', AT)).toMatchObject({ ok: true, changed: 1 });
    expect((await sourceById(temp.db, 'syj66jel4pyz'))?.host).toBe('grandbesancon.fr');

    await reviewQueueSink(temp.db).record(finding({ sourceId: 'sk3kwbhz3cg2', host: 'ain.gouv.fr', outcome: 'moved', suggestion: { host: 'ac-besancon.fr' } }));
    const [clash] = (await open()).items;
    const refused = await decideReviewItems(temp.db, curator, [clash.id], 'apply', '', AT);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.failures[0].issues[0].code).toBe('duplicate-key');
    expect((await reviewItemById(temp.db, clash.id))?.decision).toBeNull();
  });

  it('decides a batch all or nothing, under one batch id shared with the source events', async () => {
    const sink = reviewQueueSink(temp.db);
    await sink.record(finding());
    await sink.record(finding({ sourceId: 'sk3kwbhz3cg2', host: 'ain.gouv.fr' }));
    await sink.record(finding({ sourceId: 'sy6dyqktpki6', host: 'chu-besancon.fr' }));
    const ids = (await open()).items.map((item) => item.id);
    // chu-besancon.fr is already suspended: the batch is refused whole.
    const refused = await decideReviewItems(temp.db, curator, ids, 'suspend', '', AT);
    expect(refused).toMatchObject({ ok: false, refusals: [{ itemId: ids[2], host: 'chu-besancon.fr', refusal: 'not-available' }] });
    expect((await sourceById(temp.db, 'syj66jel4pyz'))?.status).toBe('active');

    const decided = await decideReviewItems(temp.db, curator, ids.slice(0, 2), 'suspend', 'lot', AT);
    expect(decided.ok && decided.batch).toMatch(/^[\w-]{12,}$/);
    const batch = decided.ok ? decided.batch : null;
    const events = await recentEvents(temp.db, { limit: 10, batch: batch ?? '' });
    expect(events.events.map((event) => event.sourceId).sort()).toEqual(['sk3kwbhz3cg2', 'syj66jel4pyz']);
    const inBatch = await listReviewItems(temp.db, { state: 'decided', batch: batch ?? '', page: 1, perPage: 50 });
    expect(inBatch.items.map((item) => item.decision?.batch)).toEqual([batch, batch]);
  });

  it('refuses to decide an item twice', async () => {
    await reviewQueueSink(temp.db).record(finding());
    const [item] = (await open()).items;
    await decideReviewItems(temp.db, curator, [item.id], 'keep', '', AT);
    expect(await decideReviewItems(temp.db, SYSTEM_ACTOR, [item.id], 'suspend', '', AT)).toMatchObject({ ok: false, refusals: [{ refusal: 'already-decided' }] });
    expect((await sourceById(temp.db, 'syj66jel4pyz'))?.status).toBe('active');
    await expect(temp.db.updateTable('review_items').set({ host: 'x.fr' }).where('id', '=', item.id).execute()).rejects.toThrow(/history/);
    await expect(temp.db.deleteFrom('review_decisions').execute()).rejects.toThrow(/append-only/);
  });

  it('activates a candidate and marks it checked by the team', async () => {
    await reviewQueueSink(temp.db).record(finding({ sourceId: 'sy6dyqktpki6', host: 'chu-besancon.fr', outcome: 'candidate' }));
    const [item] = (await open()).items;
    expect(item.available).toEqual(['activate', 'keep']);
    await decideReviewItems(temp.db, curator, [item.id], 'activate', '', AT);
    expect(await sourceById(temp.db, 'sy6dyqktpki6')).toMatchObject({ status: 'active', validation: 'reviewed' });
  });
});

describe('public reports', () => {
  it('attaches a report to the source covering its host, or keeps just the host', async () => {
    const attached = await addReport(temp.db, { site: 'https://www.ain.gouv.fr/page', host: 'www.ain.gouv.fr', kind: 'wrong', message: 'faux', contact: null }, AT);
    const alone = await addReport(temp.db, { site: 'mairie-inconnue.fr', host: 'mairie-inconnue.fr', kind: 'missing', message: '', contact: 'a@b.fr' }, AT);
    expect((await reviewItemById(temp.db, attached))?.source?.id).toBe('sk3kwbhz3cg2');
    expect(await reviewItemById(temp.db, alone)).toMatchObject({ source: null, host: 'mairie-inconnue.fr', available: ['keep'] });
  });

  it('offers to activate a suspended source reported missing', async () => {
    const id = await addReport(temp.db, { site: 'chu-besancon.fr', host: 'chu-besancon.fr', kind: 'missing', message: '', contact: null }, AT);
    expect((await reviewItemById(temp.db, id))?.available).toEqual(['activate', 'keep']);
  });

  it('finds the source of a host: itself first, else the nearest parent covering subdomains', () => {
    const sources = [
      { host: 'a.fr', scope: 'subdomains' as const, path: '' },
      { host: 'b.a.fr', scope: 'host' as const, path: '' },
    ];
    expect(sourceForHost('b.a.fr', sources)?.host).toBe('b.a.fr');
    expect(sourceForHost('c.b.a.fr', sources)?.host).toBe('a.fr');
    expect(sourceForHost('a.com', sources)).toBeUndefined();
    expect(sourceForHost('x.b.a.fr', [{ host: 'b.a.fr', scope: 'host' as const, path: '' }])).toBeUndefined();
  });

  it('never offers an edit without a suggestion, nor activation of an active source reported missing', () => {
    const active = { id: 'syj66jel4pyz', host: 'a.fr', scope: 'host' as const, path: '', category: 'commune' as const, status: 'active' as const, name: '', code: '', provenance: 'etalab/verified' };
    expect(availableDecisions({ kind: 'report', reason: 'missing', suggestion: null }, active)).toEqual(['suspend', 'keep']);
    expect(availableDecisions({ kind: 'crawl', reason: 'moved', suggestion: {} }, active)).toEqual(['suspend', 'keep']);
    // What the source already is, as the list writes hosts, or what no source can be, is no edit to apply.
    expect(availableDecisions({ kind: 'crawl', reason: 'moved', suggestion: { host: 'www.A.fr' } }, active)).toEqual(['suspend', 'keep']);
    expect(availableDecisions({ kind: 'crawl', reason: 'moved', suggestion: { host: 'pas un hôte' } }, active)).toEqual(['suspend', 'keep']);
    expect(availableDecisions({ kind: 'crawl', reason: 'moved', suggestion: { host: 'b.fr' } }, active)).toEqual(['suspend', 'apply', 'keep']);
  });
});
