/**
 * The review queue: findings of the crawler and reports from the public wait here until a curator
 * decides. Nothing here changes a source on its own: only `decideReviewItems`, called for a
 * curator, does — through the source commands, so that validation and history are those of every
 * other change — and each decision is kept (review_decisions, append-only) with who, when and what.
 */
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { parentHostname, withoutWww } from '../../corpus/hostname.ts';
import type { Actor } from '../auth/actor.ts';
import { randomToken } from '../auth/secret-token.ts';
import type { Database, ReviewDecisionsTable, ReviewItemsTable } from '../db/schema.ts';
import { recordBatch } from '../history/batches.ts';
import { applyChanges, type SourceChange } from '../sources/source-commands.ts';
import { sourcesByIds } from '../sources/source-store.ts';
import type { StoredSource } from '../sources/stored-source.ts';
import type { WriteIssue } from '../sources/write-issues.ts';
import { availableDecisions, decidedSource } from './review-decisions.ts';
import { CRAWL_OUTCOMES, type CrawlOutcomeSink, type CrawlSuggestion, type ReportKind, type ReviewDecision, type ReviewKind, type ReviewReason } from './review-types.ts';

/** The engine's findings as they arrive: checked here, where they enter the database. */
const FindingSchema = z.object({
  sourceId: z.string().min(1).max(40),
  host: z.string().min(1).max(253),
  outcome: z.enum(CRAWL_OUTCOMES),
  evidence: z.unknown(),
  suggestion: z.object({ host: z.string().max(253).optional(), path: z.string().max(2000).optional(), scope: z.string().max(20).optional() }).optional(),
  checkedAt: z.iso.datetime(),
  runId: z.number().int().nonnegative(),
});

/** Evidence is a record for people to read: a finding whose evidence is larger than this is a bug of the engine. */
const MAX_EVIDENCE_CHARS = 256 * 1024;

/**
 * The sink the crawler engine writes its findings to: one open item per source and outcome — a
 * newer finding refreshes the open item's evidence, suggestion and time instead of adding another.
 */
export function reviewQueueSink(db: Kysely<Database>): CrawlOutcomeSink {
  return {
    async record(item) {
      const finding = FindingSchema.parse(item);
      const evidence = JSON.stringify(finding.evidence ?? null);
      if (evidence.length > MAX_EVIDENCE_CHARS) throw new Error(`evidence of ${finding.host} too large (${evidence.length} characters)`);
      const suggestion = finding.suggestion === undefined ? null : JSON.stringify(finding.suggestion);
      await db.transaction().execute(async (trx) => {
        const open = await trx
          .selectFrom('review_items')
          .select(['id', 'seen_at'])
          .where('kind', '=', 'crawl')
          .where('decided', '=', 0)
          .where('source_id', '=', finding.sourceId)
          .where('reason', '=', finding.outcome)
          .executeTakeFirst();
        if (open === undefined) {
          await trx
            .insertInto('review_items')
            .values({ kind: 'crawl', reason: finding.outcome, source_id: finding.sourceId, host: finding.host, evidence, suggestion, run_id: finding.runId, opened_at: finding.checkedAt, seen_at: finding.checkedAt })
            .execute();
        } else if (finding.checkedAt >= open.seen_at) {
          // A resumed run may hand over an older finding after a newer one: the newest evidence stays.
          await trx
            .updateTable('review_items')
            .set((eb) => ({ host: finding.host, evidence, suggestion, run_id: finding.runId, seen_at: finding.checkedAt, findings: eb('findings', '+', 1) }))
            .where('id', '=', open.id)
            .execute();
        }
      });
    },
  };
}

/** A report as the public form validated it: what the person typed, nothing else. */
export interface PublicReport {
  /** As typed (a URL or a hostname). */
  site: string;
  /** Normalised from `site`. */
  host: string;
  kind: ReportKind;
  message: string;
  contact: string | null;
}

/**
 * The source a hostname belongs to among those stored under it or its parents: the one of that
 * very host (`www.` aside), else the nearest parent whose scope covers its subdomains. Pure.
 */
export function sourceForHost<T extends Pick<StoredSource, 'host' | 'scope' | 'path'>>(host: string, candidates: readonly T[]): T | undefined {
  const exact = candidates.filter((source) => source.host === host || source.host === withoutWww(host)).sort((a, b) => a.path.length - b.path.length)[0];
  if (exact !== undefined) return exact;
  for (let parent = parentHostname(host); parent !== null && parent.includes('.'); parent = parentHostname(parent)) {
    const covering = candidates.find((source) => source.host === parent && source.scope === 'subdomains');
    if (covering !== undefined) return covering;
  }
  return undefined;
}

function selfAndParents(host: string): string[] {
  const hosts = [host];
  for (let parent = parentHostname(host); parent !== null && parent.includes('.'); parent = parentHostname(parent)) hosts.push(parent);
  return hosts;
}

/** Puts a public report in the queue, attached to the source of its host when there is one. */
export async function addReport(db: Kysely<Database>, report: PublicReport, at: string): Promise<number> {
  const candidates = await db.selectFrom('sources').select(['id', 'host', 'scope', 'path']).where('host', 'in', selfAndParents(report.host)).execute();
  const source = sourceForHost(report.host, candidates);
  const { id } = await db
    .insertInto('review_items')
    .values({
      kind: 'report',
      reason: report.kind,
      source_id: source?.id ?? null,
      host: report.host,
      site: report.site,
      message: report.message,
      contact: report.contact,
      opened_at: at,
      seen_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export interface ReviewDecisionRecord {
  decision: ReviewDecision;
  at: string;
  actor: string;
  comment: string;
  batch: string | null;
  eventId: number | null;
}

export interface ReviewItem {
  id: number;
  kind: ReviewKind;
  reason: ReviewReason;
  host: string;
  /** The source as it is now (null: the host is no source). */
  source: StoredSource | null;
  evidence: unknown;
  suggestion: CrawlSuggestion | null;
  site: string | null;
  message: string | null;
  contact: string | null;
  runId: number | null;
  openedAt: string;
  seenAt: string;
  findings: number;
  decision: ReviewDecisionRecord | null;
  /** What may be decided now (none once decided). */
  available: ReviewDecision[];
}

function itemFromRow(row: Selectable<ReviewItemsTable>, source: StoredSource | null, decision: Selectable<ReviewDecisionsTable> | undefined): ReviewItem {
  const item = {
    id: row.id,
    kind: row.kind,
    reason: row.reason,
    host: row.host,
    source,
    evidence: row.evidence === null ? null : (JSON.parse(row.evidence) as unknown),
    suggestion: row.suggestion === null ? null : (JSON.parse(row.suggestion) as CrawlSuggestion),
    site: row.site,
    message: row.message,
    contact: row.contact,
    runId: row.run_id,
    openedAt: row.opened_at,
    seenAt: row.seen_at,
    findings: row.findings,
    decision:
      decision === undefined
        ? null
        : { decision: decision.decision, at: decision.at, actor: decision.actor, comment: decision.comment, batch: decision.batch, eventId: decision.event_id },
  };
  return { ...item, available: decision === undefined && row.decided === 0 ? availableDecisions(item, source) : [] };
}

async function itemsFromRows(db: Kysely<Database>, rows: Selectable<ReviewItemsTable>[]): Promise<ReviewItem[]> {
  if (rows.length === 0) return [];
  const sourceIds = [...new Set(rows.flatMap((row) => (row.source_id === null ? [] : [row.source_id])))];
  const sources = new Map((await sourcesByIds(db, sourceIds)).map((source) => [source.id, source]));
  const decisions = new Map(
    (
      await db
        .selectFrom('review_decisions')
        .selectAll()
        .where(
          'item_id',
          'in',
          rows.map((row) => row.id),
        )
        .execute()
    ).map((decision) => [decision.item_id, decision]),
  );
  return rows.map((row) => itemFromRow(row, row.source_id === null ? null : (sources.get(row.source_id) ?? null), decisions.get(row.id)));
}

export interface ReviewQuery {
  state: 'open' | 'decided';
  kind?: ReviewKind;
  reason?: ReviewReason;
  batch?: string;
  page: number;
  perPage: number;
}

export interface ReviewPage {
  items: ReviewItem[];
  total: number;
}

/** Open items oldest first (a queue); decided ones newest decision first (the history). */
export async function listReviewItems(db: Kysely<Database>, query: ReviewQuery): Promise<ReviewPage> {
  let filtered = db.selectFrom('review_items').where('decided', '=', query.state === 'open' ? 0 : 1);
  if (query.kind !== undefined) filtered = filtered.where('kind', '=', query.kind);
  if (query.reason !== undefined) filtered = filtered.where('reason', '=', query.reason);
  if (query.batch !== undefined) filtered = filtered.where('id', 'in', db.selectFrom('review_decisions').select('item_id').where('batch', '=', query.batch));
  const { total } = await filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await filtered
    .selectAll()
    .orderBy('id', query.state === 'open' ? 'asc' : 'desc')
    .limit(query.perPage)
    .offset((query.page - 1) * query.perPage)
    .execute();
  return { items: await itemsFromRows(db, rows), total: Number(total) };
}

export async function reviewItemById(db: Kysely<Database>, id: number): Promise<ReviewItem | undefined> {
  const row = await db.selectFrom('review_items').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : (await itemsFromRows(db, [row]))[0];
}

export async function openItemCount(db: Kysely<Database>): Promise<number> {
  const { total } = await db.selectFrom('review_items').where('decided', '=', 0).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  return Number(total);
}

export type DecisionRefusal = 'not-found' | 'already-decided' | 'not-available';

export type DecideResult =
  | { ok: true; decided: number; changed: number; batch: string | null }
  | { ok: false; refusals: { itemId: number; host: string | null; refusal: DecisionRefusal }[]; failures: { itemId: number; host: string; issues: WriteIssue[] }[] };

/** How the source events of the queue's decisions are commented in the history (French, as the history is). */
export function decisionComment(comment: string): string {
  return comment === '' ? 'file de revue' : `file de revue — ${comment}`;
}

/**
 * Decides items, alone or in a batch: all of them, or none when one cannot take this decision
 * (decided meanwhile, not applicable, or the change it makes is refused). Source changes go through
 * applyChanges, in this transaction; a batch of several items shares one batch id, in the history
 * and in the decisions.
 */
export async function decideReviewItems(db: Kysely<Database>, actor: Actor, itemIds: readonly number[], decision: ReviewDecision, comment: string, at: string): Promise<DecideResult> {
  const ids = [...new Set(itemIds)];
  return db.transaction().execute(async (trx): Promise<DecideResult> => {
    const items = new Map((await itemsFromRows(trx, ids.length === 0 ? [] : await trx.selectFrom('review_items').selectAll().where('id', 'in', ids).execute())).map((item) => [item.id, item]));
    const refusals: { itemId: number; host: string | null; refusal: DecisionRefusal }[] = [];
    const changes = new Map<string, SourceChange>();
    for (const id of ids) {
      const item = items.get(id);
      if (item === undefined) refusals.push({ itemId: id, host: null, refusal: 'not-found' });
      else if (item.decision !== null) refusals.push({ itemId: id, host: item.host, refusal: 'already-decided' });
      else if (!item.available.includes(decision)) refusals.push({ itemId: id, host: item.host, refusal: 'not-available' });
      else if (item.source !== null && decision !== 'keep' && !changes.has(item.source.id)) {
        // Two items of one source (unreachable and suspicious, say) decided alike: one change.
        changes.set(item.source.id, { id: item.source.id, change: (source) => decidedSource(item, source, decision) ?? source });
      }
    }
    if (refusals.length > 0 || ids.length === 0) return { ok: false, refusals, failures: [] };
    const batch = ids.length > 1 ? randomToken(12) : null;
    const { lastEvent } = await trx.selectFrom('events').select((eb) => eb.fn.max('id').as('lastEvent')).executeTakeFirstOrThrow();
    const written = await applyChanges(trx, actor, [...changes.values()], decisionComment(comment), batch ?? undefined);
    if (!written.ok) {
      const failures = written.failures.flatMap((failure) =>
        [...items.values()].filter((item) => item.source?.id === failure.id).map((item) => ({ itemId: item.id, host: item.host, issues: failure.issues })),
      );
      return { ok: false, refusals: [], failures };
    }
    const events = new Map(
      (await trx.selectFrom('events').select(['id', 'source_id']).where('id', '>', lastEvent ?? 0).execute()).map((event) => [event.source_id, event.id]),
    );
    if (batch !== null && written.batch !== null && written.changed > 0) {
      await recordBatch(trx, { id: batch, kind: 'review', label: decision, at: written.at, actor, count: written.changed, comment: decisionComment(comment) });
    }
    for (const id of ids) {
      const item = items.get(id) as ReviewItem;
      const eventId = decision === 'keep' || item.source === null ? null : (events.get(item.source.id) ?? null);
      await trx.insertInto('review_decisions').values({ item_id: id, at, actor: actor.label, user_id: actor.userId, decision, comment, batch, event_id: eventId }).execute();
      await trx.updateTable('review_items').set({ decided: 1 }).where('id', '=', id).execute();
    }
    return { ok: true, decided: ids.length, changed: written.changed, batch };
  });
}
