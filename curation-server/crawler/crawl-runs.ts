/**
 * Runs of the validation crawler: planning (least recently checked first), running with a pool of
 * workers, committing one check per source as it completes, handing findings to a sink, progress,
 * cancellation, and resuming a run that a crash interrupted without redoing its finished checks.
 * Sources are never changed here: findings go to curators (the sink), who decide.
 */
import type { Kysely } from 'kysely';
import type { Agent } from 'undici';
import { serializeCorpusText } from '../../corpus/corpus-text.ts';
import { loadMatcher, type Matcher } from '../../corpus/matcher.ts';
import type { Database } from '../db/schema.ts';
import { sourceById } from '../sources/source-store.ts';
import { SOURCE_FIELDS, type StoredSource } from '../sources/stored-source.ts';
import { type AddressPolicy, PRODUCTION_ADDRESS_POLICY } from './address-policy.ts';
import type { CheckEvidence } from './check-evidence.ts';
import { markDelivered, priorChecks, recordCheck, recordedCheck } from './check-records.ts';
import { type CheckContext, collectEvidence } from './check-source.ts';
import { type ClassifyPolicy, classifyCheck, DEFAULT_CLASSIFY_POLICY } from './classify-check.ts';
import { crawlerAgent } from './crawler-agent.ts';
import { CRAWL_OUTCOMES, type CrawlOutcome, type CrawlSuggestion, isFinding } from './crawl-outcomes.ts';
import { type CrawlSettings, crawlSettings, fetchLimits } from './crawl-settings.ts';
import { type DnsResolver, systemResolver } from './dns-resolver.ts';
import type { HopRequest } from './http-hop.ts';
import { HostGate, RateLimiter } from './politeness.ts';

/** What a curator is shown for one source: handed to the sink as soon as its check is committed. */
export interface CrawlFinding {
  checkId: number;
  runId: number;
  sourceId: string;
  host: string;
  outcome: CrawlOutcome;
  reasons: string[];
  evidence: CheckEvidence;
  suggestion?: CrawlSuggestion;
  checkedAt: string;
}

/** Where findings go (the review queue). A finding whose `record` failed is handed again when the run resumes. */
export interface CrawlOutcomeSink {
  record(item: CrawlFinding): Promise<void>;
}

/** The sink of the CLI and the tests: findings stay in crawl_checks (finding = 1), where listChecks reads them. */
export const checkTableSink: CrawlOutcomeSink = { record: async () => {} };

export interface CrawlRunOptions {
  trigger?: 'cli' | 'schedule' | 'console';
  /** Who starts it, as shown in the console (an email, or `système`). */
  actor?: string;
  /** How many sources (least recently checked first); all of them when absent. */
  limit?: number;
  /** These sources, in this order, instead of the least recently checked. */
  sourceIds?: readonly string[];
  settings?: Partial<CrawlSettings>;
  sink?: CrawlOutcomeSink;
  resolver?: DnsResolver;
  classifyPolicy?: ClassifyPolicy;
  /** Test-only settings: loopback allowed, test ports, test certificates. Never set in production. */
  testing?: { addressPolicy?: AddressPolicy; portOverrides?: HopRequest['portOverrides']; trustedCertificates?: string[] };
  clock?: () => Date;
  /** Called after every committed check. */
  onCheck?: (check: { sourceId: string; outcome: CrawlOutcome }) => void;
}

export type CrawlStart = { ok: true; runId: number } | { ok: false; reason: 'already-running'; runId: number } | { ok: false; reason: 'invalid-settings'; issues: string[] } | { ok: false; reason: 'not-resumable'; runId: number };

export type RunState = 'running' | 'interrupted' | 'finished' | 'cancelled';

export interface CrawlRunProgress {
  runId: number;
  state: RunState;
  trigger: string;
  actor: string;
  total: number;
  checked: number;
  findings: number;
  outcomes: Record<CrawlOutcome, number>;
  startedAt: string;
  finishedAt: string | null;
  /** Checks per minute over the last minutes, and the expected end, while running. */
  perMinute: number | null;
  eta: string | null;
}

const HEARTBEAT_MS = 5_000;
/** A running run whose heartbeat is older than this was interrupted (its process is gone). */
export const STALE_HEARTBEAT_MS = 30_000;
const RATE_WINDOW_MS = 3 * 60_000;

interface LiveRun {
  controller: AbortController;
  finished: Promise<void>;
}
const liveRuns = new Map<number, LiveRun>();

const emptyOutcomes = (): Record<CrawlOutcome, number> => Object.fromEntries(CRAWL_OUTCOMES.map((outcome) => [outcome, 0])) as Record<CrawlOutcome, number>;

function isLive(run: { state: string; heartbeat_at: string }, now: Date): boolean {
  return run.state === 'running' && now.getTime() - Date.parse(run.heartbeat_at) < STALE_HEARTBEAT_MS;
}

/** The sources to check, least recently checked first (never checked ones first of all), removed ones left out. */
export async function plannedSourceIds(db: Kysely<Database>, limit: number | undefined): Promise<string[]> {
  let query = db
    .selectFrom('sources')
    .leftJoin((eb) => eb.selectFrom('crawl_checks').select(['source_id', (inner) => inner.fn.max('checked_at').as('last')]).groupBy('source_id').as('latest'), (join) => join.onRef('latest.source_id', '=', 'sources.id'))
    .select('sources.id')
    .where('sources.status', '!=', 'removed')
    .orderBy((eb) => eb('latest.last', 'is not', null))
    .orderBy('latest.last')
    .orderBy('sources.seq');
  if (limit !== undefined) query = query.limit(limit);
  return (await query.execute()).map((row) => row.id);
}

async function liveRunId(db: Kysely<Database>, now: Date): Promise<number | null> {
  const running = await db.selectFrom('crawl_runs').select(['id', 'state', 'heartbeat_at']).where('state', '=', 'running').execute();
  return running.find((run) => liveRuns.has(run.id) || isLive(run, now))?.id ?? null;
}

/** Plans a run and starts it in the background; `waitForCrawlRun` resolves when it ends. */
export async function startCrawlRun(db: Kysely<Database>, options: CrawlRunOptions = {}): Promise<CrawlStart> {
  const checked = crawlSettings(options.settings ?? {});
  if (!checked.ok) return { ok: false, reason: 'invalid-settings', issues: checked.issues };
  const now = (options.clock ?? (() => new Date()))();
  const at = now.toISOString();
  const planned = await db.transaction().execute(async (trx): Promise<{ live: number } | { live: null; id: number }> => {
    const live = await liveRunId(trx, now);
    if (live !== null) return { live };
    const ids = options.sourceIds === undefined ? await plannedSourceIds(trx, options.limit) : [...options.sourceIds];
    const run = await trx
      .insertInto('crawl_runs')
      .values({ started_at: at, finished_at: null, state: 'running', trigger: options.trigger ?? 'cli', actor: options.actor ?? 'système', total: ids.length, heartbeat_at: at, options: JSON.stringify(checked.settings) })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let start = 0; start < ids.length; start += 500) {
      await trx
        .insertInto('crawl_run_sources')
        .values(ids.slice(start, start + 500).map((sourceId, i) => ({ run_id: run.id, position: start + i, source_id: sourceId })))
        .execute();
    }
    return { live: null, id: run.id };
  });
  if (planned.live !== null) return { ok: false, reason: 'already-running', runId: planned.live };
  launch(db, planned.id, checked.settings, options);
  return { ok: true, runId: planned.id };
}

/** Runs that were running when their process died (old heartbeat), oldest first. */
export async function interruptedCrawlRuns(db: Kysely<Database>, now = new Date()): Promise<number[]> {
  const running = await db.selectFrom('crawl_runs').select(['id', 'state', 'heartbeat_at']).where('state', '=', 'running').orderBy('id').execute();
  return running.filter((run) => !liveRuns.has(run.id) && !isLive(run, now)).map((run) => run.id);
}

/** Continues an interrupted run: only its sources without a check are checked, and its undelivered findings handed again. */
export async function resumeCrawlRun(db: Kysely<Database>, runId: number, options: CrawlRunOptions = {}): Promise<CrawlStart> {
  const now = (options.clock ?? (() => new Date()))();
  const run = await db.selectFrom('crawl_runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (run === undefined || run.state !== 'running') return { ok: false, reason: 'not-resumable', runId };
  if (liveRuns.has(runId) || isLive(run, now)) return { ok: false, reason: 'already-running', runId };
  const checked = crawlSettings({ ...(JSON.parse(run.options) as object), ...options.settings });
  if (!checked.ok) return { ok: false, reason: 'invalid-settings', issues: checked.issues };
  await db.updateTable('crawl_runs').set({ heartbeat_at: now.toISOString() }).where('id', '=', runId).execute();
  launch(db, runId, checked.settings, options);
  return { ok: true, runId };
}

/** Stops a run: checks under way are dropped (not recorded), the finished ones stay. Works across processes (the runner reads it at its heartbeat). */
export async function cancelCrawlRun(db: Kysely<Database>, runId: number, now = new Date()): Promise<boolean> {
  const result = await db.updateTable('crawl_runs').set({ state: 'cancelled', finished_at: now.toISOString() }).where('id', '=', runId).where('state', '=', 'running').executeTakeFirst();
  liveRuns.get(runId)?.controller.abort();
  return Number(result.numUpdatedRows) > 0;
}

/** Resolves when a run started or resumed by this process has ended. */
export async function waitForCrawlRun(runId: number): Promise<void> {
  await liveRuns.get(runId)?.finished;
}

function launch(db: Kysely<Database>, runId: number, settings: CrawlSettings, options: CrawlRunOptions): void {
  const controller = new AbortController();
  const finished = executeRun(db, runId, settings, options, controller.signal)
    // The run stays `running` with a heartbeat that ages: it shows as interrupted, and can be resumed.
    .catch((error: unknown) => console.error(`crawler: run ${runId} stopped`, error))
    .finally(() => liveRuns.delete(runId));
  liveRuns.set(runId, { controller, finished });
}

async function pendingSourceIds(db: Kysely<Database>, runId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('crawl_run_sources as planned')
    .select('planned.source_id')
    .where('planned.run_id', '=', runId)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('crawl_checks').select('crawl_checks.id').whereRef('crawl_checks.run_id', '=', 'planned.run_id').whereRef('crawl_checks.source_id', '=', 'planned.source_id'))))
    .orderBy('planned.position')
    .execute();
  return rows.map((row) => row.source_id);
}

/**
 * The corpus matcher over the active sources, read in place from their corpus text (loadMatcher):
 * a few megabytes for the whole list, where one object per source would take tens.
 */
async function trustedSourceMatcher(db: Kysely<Database>): Promise<Matcher> {
  const rows = await db.selectFrom('sources').select(SOURCE_FIELDS).where('status', '=', 'active').execute();
  return loadMatcher(serializeCorpusText(rows)).matcher;
}

function findingOf(check: ReturnType<typeof recordedCheck>): CrawlFinding {
  return {
    checkId: check.id,
    runId: check.runId,
    sourceId: check.sourceId,
    host: check.host,
    outcome: check.outcome,
    reasons: check.reasons,
    evidence: check.evidence,
    ...(check.suggestion === null ? {} : { suggestion: check.suggestion }),
    checkedAt: check.checkedAt,
  };
}

async function deliver(db: Kysely<Database>, sink: CrawlOutcomeSink, finding: CrawlFinding, clock: () => Date): Promise<void> {
  try {
    await sink.record(finding);
    await markDelivered(db, finding.checkId, clock().toISOString());
  } catch (error) {
    // Left undelivered: handed again when the run is resumed.
    console.error(`crawler: the sink refused the finding of ${finding.host} (check ${finding.checkId}):`, error);
  }
}

async function executeRun(db: Kysely<Database>, runId: number, settings: CrawlSettings, options: CrawlRunOptions, signal: AbortSignal): Promise<void> {
  const clock = options.clock ?? (() => new Date());
  const sink = options.sink ?? checkTableSink;
  const resolver = options.resolver ?? systemResolver(settings.dnsTimeoutMs);
  const addressPolicy = options.testing?.addressPolicy ?? PRODUCTION_ADDRESS_POLICY;
  const agent: Agent = crawlerAgent({ resolver, addressPolicy, connectTimeoutMs: settings.connectTimeoutMs, trustedCertificates: options.testing?.trustedCertificates });
  const heartbeat = setInterval(() => {
    void (async () => {
      const run = await db.selectFrom('crawl_runs').select('state').where('id', '=', runId).executeTakeFirst();
      if (run?.state !== 'running') liveRuns.get(runId)?.controller.abort();
      else await db.updateTable('crawl_runs').set({ heartbeat_at: clock().toISOString() }).where('id', '=', runId).where('state', '=', 'running').execute();
    })().catch((error: unknown) => console.error('crawler: heartbeat failed', error));
  }, HEARTBEAT_MS);
  try {
    // Findings committed before a crash but never handed over.
    const undelivered = await db.selectFrom('crawl_checks').selectAll().where('run_id', '=', runId).where('finding', '=', 1).where('delivered_at', 'is', null).orderBy('id').execute();
    for (const row of undelivered) await deliver(db, sink, findingOf(recordedCheck(row)), clock);

    const pending = await pendingSourceIds(db, runId);
    const context: CheckContext = {
      resolver,
      dispatcher: agent,
      addressPolicy,
      userAgent: settings.userAgent,
      limits: fetchLimits(settings),
      portOverrides: options.testing?.portOverrides ?? {},
      gate: new HostGate(settings.hostDelayMs),
      rate: new RateLimiter(settings.requestsPerSecond),
      matcher: await trustedSourceMatcher(db),
      robotsCache: new Map(),
      signal,
    };
    const checkOne = async (source: StoredSource) => {
      const evidence = await collectEvidence(context, { id: source.id, host: source.host, scope: source.scope, path: source.path, status: source.status, validation: source.validation, name: source.name, code: source.code });
      if (signal.aborted) return; // an interrupted check is not evidence
      const checkedAt = clock().toISOString();
      const classification = classifyCheck(evidence, await priorChecks(db, source.id), checkedAt, options.classifyPolicy ?? DEFAULT_CLASSIFY_POLICY);
      const finding = isFinding(classification.outcome, source.status);
      const checkId = await recordCheck(db, { runId, evidence, classification, checkedAt, finding });
      options.onCheck?.({ sourceId: source.id, outcome: classification.outcome });
      if (finding) {
        await deliver(db, sink, { checkId, runId, sourceId: source.id, host: source.host, outcome: classification.outcome, reasons: classification.reasons, evidence, ...(classification.suggestion === null ? {} : { suggestion: classification.suggestion }), checkedAt }, clock);
      }
    };
    let next = 0;
    const worker = async () => {
      while (!signal.aborted && next < pending.length) {
        const source = await sourceById(db, pending[next++]);
        // A source removed since the run was planned is no longer checked.
        if (source === undefined || source.status === 'removed') continue;
        try {
          await checkOne(source);
        } catch (error) {
          // A bug met on one site must not stop the run (nor make its resumption fail on the same site forever).
          console.error(`crawler: the check of ${source.host} failed and was skipped:`, error);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(settings.concurrency, Math.max(1, pending.length)) }, worker));
    if (!signal.aborted) await db.updateTable('crawl_runs').set({ state: 'finished', finished_at: clock().toISOString() }).where('id', '=', runId).where('state', '=', 'running').execute();
  } finally {
    clearInterval(heartbeat);
    await agent.destroy();
  }
}

function progressOf(run: { id: number; state: string; trigger: string; actor: string; total: number; started_at: string; finished_at: string | null; heartbeat_at: string }, outcomes: Record<CrawlOutcome, number>, findings: number, recent: number, now: Date): CrawlRunProgress {
  const checked = Object.values(outcomes).reduce((sum, count) => sum + count, 0);
  const state: RunState = run.state === 'running' ? (liveRuns.has(run.id) || isLive(run, now) ? 'running' : 'interrupted') : (run.state as RunState);
  const windowMs = Math.min(RATE_WINDOW_MS, Math.max(1, now.getTime() - Date.parse(run.started_at)));
  const perMinute = state === 'running' ? (recent / windowMs) * 60_000 : null;
  const remaining = run.total - checked;
  const eta = perMinute === null || perMinute <= 0 ? null : new Date(now.getTime() + (remaining / perMinute) * 60_000).toISOString();
  return { runId: run.id, state, trigger: run.trigger, actor: run.actor, total: run.total, checked, findings, outcomes, startedAt: run.started_at, finishedAt: run.finished_at, perMinute, eta };
}

async function outcomeCounts(db: Kysely<Database>, runIds: readonly number[]): Promise<Map<number, { outcomes: Record<CrawlOutcome, number>; findings: number }>> {
  const counts = new Map<number, { outcomes: Record<CrawlOutcome, number>; findings: number }>();
  if (runIds.length === 0) return counts;
  const rows = await db
    .selectFrom('crawl_checks')
    .select(['run_id', 'outcome', (eb) => eb.fn.countAll<number>().as('count'), (eb) => eb.fn.sum<number>('finding').as('findings')])
    .where('run_id', 'in', runIds)
    .groupBy(['run_id', 'outcome'])
    .execute();
  for (const row of rows) {
    const entry = counts.get(row.run_id) ?? { outcomes: emptyOutcomes(), findings: 0 };
    if (row.outcome in entry.outcomes) entry.outcomes[row.outcome as CrawlOutcome] += Number(row.count);
    entry.findings += Number(row.findings);
    counts.set(row.run_id, entry);
  }
  return counts;
}

export async function crawlRunProgress(db: Kysely<Database>, runId: number, now = new Date()): Promise<CrawlRunProgress | null> {
  const run = await db.selectFrom('crawl_runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (run === undefined) return null;
  const counts = (await outcomeCounts(db, [runId])).get(runId) ?? { outcomes: emptyOutcomes(), findings: 0 };
  const since = new Date(now.getTime() - RATE_WINDOW_MS).toISOString();
  const recent = await db.selectFrom('crawl_checks').select((eb) => eb.fn.countAll<number>().as('count')).where('run_id', '=', runId).where('checked_at', '>=', since).executeTakeFirstOrThrow();
  return progressOf(run, counts.outcomes, counts.findings, Number(recent.count), now);
}

/** The latest runs, newest first, each with its outcomes: what the console's chart of outcomes over time draws. */
export async function listCrawlRuns(db: Kysely<Database>, options: { limit?: number; now?: Date } = {}): Promise<CrawlRunProgress[]> {
  const now = options.now ?? new Date();
  const runs = await db.selectFrom('crawl_runs').selectAll().orderBy('id', 'desc').limit(options.limit ?? 50).execute();
  const counts = await outcomeCounts(db, runs.map((run) => run.id));
  return runs.map((run) => {
    const entry = counts.get(run.id) ?? { outcomes: emptyOutcomes(), findings: 0 };
    return progressOf(run, entry.outcomes, entry.findings, 0, now);
  });
}
