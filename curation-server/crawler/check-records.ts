/** Reading and writing checks (crawl_checks): one committed row per source checked, the history the next checks read. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { CheckEvidence } from './check-evidence.ts';
import type { Classification, PriorCheck } from './classify-check.ts';
import { type CrawlOutcome, type CrawlSuggestion, isCrawlOutcome } from './crawl-outcomes.ts';

const HISTORY_LENGTH = 20;

export async function priorChecks(db: Kysely<Database>, sourceId: string): Promise<PriorCheck[]> {
  const rows = await db
    .selectFrom('crawl_checks')
    .select(['checked_at', 'outcome', 'failed', 'fingerprint', 'public_signals'])
    .where('source_id', '=', sourceId)
    .orderBy('checked_at', 'desc')
    .orderBy('id', 'desc')
    .limit(HISTORY_LENGTH)
    .execute();
  return rows.map((row) => ({ checkedAt: row.checked_at, outcome: row.outcome, failed: row.failed === 1, fingerprint: row.fingerprint, publicSignals: row.public_signals }));
}

export interface NewCheck {
  runId: number;
  evidence: CheckEvidence;
  classification: Classification;
  checkedAt: string;
  finding: boolean;
}

export async function recordCheck(db: Kysely<Database>, check: NewCheck): Promise<number> {
  const { evidence, classification } = check;
  const row = await db
    .insertInto('crawl_checks')
    .values({
      run_id: check.runId,
      source_id: evidence.source.id,
      host: evidence.source.host,
      checked_at: check.checkedAt,
      outcome: classification.outcome,
      reasons: JSON.stringify(classification.reasons),
      failed: classification.failed ? 1 : 0,
      fingerprint: evidence.page?.fingerprint ?? null,
      public_signals: evidence.page?.publicSignals.length ?? 0,
      evidence: JSON.stringify(evidence),
      suggestion: classification.suggestion === null ? null : JSON.stringify(classification.suggestion),
      finding: check.finding ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markDelivered(db: Kysely<Database>, checkId: number, at: string): Promise<void> {
  await db.updateTable('crawl_checks').set({ delivered_at: at }).where('id', '=', checkId).where('delivered_at', 'is', null).execute();
}

/** A check as the console and the CLI read it. */
export interface RecordedCheck {
  id: number;
  runId: number;
  sourceId: string;
  host: string;
  checkedAt: string;
  outcome: CrawlOutcome;
  reasons: string[];
  failed: boolean;
  finding: boolean;
  deliveredAt: string | null;
  suggestion: CrawlSuggestion | null;
  evidence: CheckEvidence;
}

type CheckRow = Awaited<ReturnType<typeof checkRows>>[number];

function checkRows(db: Kysely<Database>) {
  return db.selectFrom('crawl_checks').selectAll().execute();
}

export function recordedCheck(row: CheckRow): RecordedCheck {
  return {
    id: row.id,
    runId: row.run_id,
    sourceId: row.source_id,
    host: row.host,
    checkedAt: row.checked_at,
    outcome: isCrawlOutcome(row.outcome) ? row.outcome : 'failing',
    reasons: JSON.parse(row.reasons) as string[],
    failed: row.failed === 1,
    finding: row.finding === 1,
    deliveredAt: row.delivered_at,
    suggestion: row.suggestion === null ? null : (JSON.parse(row.suggestion) as CrawlSuggestion),
    evidence: JSON.parse(row.evidence) as CheckEvidence,
  };
}

/** The checks of a run (or of a source), oldest first. */
export async function listChecks(db: Kysely<Database>, filter: { runId?: number; sourceId?: string; findingsOnly?: boolean }): Promise<RecordedCheck[]> {
  let query = db.selectFrom('crawl_checks').selectAll();
  if (filter.runId !== undefined) query = query.where('run_id', '=', filter.runId);
  if (filter.sourceId !== undefined) query = query.where('source_id', '=', filter.sourceId);
  if (filter.findingsOnly === true) query = query.where('finding', '=', 1);
  const rows = await query.orderBy('id').execute();
  return rows.map(recordedCheck);
}
