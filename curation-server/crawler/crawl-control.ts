/**
 * The crawler as the rest of the server sees it: its runs driven from the console (the review
 * module's CrawlControl), and its findings handed to the review queue. Outcomes and states are
 * translated here, in one place, between the engine's words and the queue's.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { reviewQueueSink } from '../review/review-queue.ts';
import { CRAWL_OUTCOMES as QUEUE_OUTCOMES, type CrawlControl, type CrawlOutcome as QueueOutcome, type CrawlRunProgress as QueueProgress, type CrawlRunState, type OutcomeCounts } from '../review/review-types.ts';
import { type CrawlOutcomeSink, type CrawlRunOptions, type CrawlRunProgress, cancelCrawlRun, crawlRunProgress, listCrawlRuns, startCrawlRun } from './crawl-runs.ts';

const STATES: Record<CrawlRunProgress['state'], CrawlRunState> = { running: 'running', finished: 'done', cancelled: 'cancelled', interrupted: 'interrupted' };

function isQueueOutcome(outcome: string): outcome is QueueOutcome {
  return (QUEUE_OUTCOMES as readonly string[]).includes(outcome);
}

function queueProgress(progress: CrawlRunProgress): QueueProgress & { id: number; finishedAt: string | null } {
  // The chart shows what curators act on and the plain `ok`; single failures and robots refusals are the engine's own bookkeeping.
  const outcomes: OutcomeCounts = { ok: progress.outcomes.ok };
  for (const outcome of QUEUE_OUTCOMES) outcomes[outcome] = progress.outcomes[outcome];
  return { id: progress.runId, checked: progress.checked, total: progress.total, outcomes, startedAt: progress.startedAt, eta: progress.eta, state: STATES[progress.state], finishedAt: progress.finishedAt };
}

/**
 * The review queue as the engine's sink: a finding becomes an item to decide. A suspended source
 * that answers as it should (`ok`) is offered for activation, as an unverified one is (`candidate`).
 */
export function reviewQueueCrawlSink(db: Kysely<Database>): CrawlOutcomeSink {
  const queue = reviewQueueSink(db);
  return {
    async record(finding) {
      const outcome = finding.outcome === 'ok' ? 'candidate' : finding.outcome;
      if (!isQueueOutcome(outcome)) return;
      await queue.record({
        sourceId: finding.sourceId,
        host: finding.host,
        outcome,
        evidence: { reasons: finding.reasons, ...finding.evidence },
        ...(finding.suggestion === undefined ? {} : { suggestion: finding.suggestion }),
        checkedAt: finding.checkedAt,
        runId: finding.runId,
      });
    },
  };
}

/** The console's control of the crawler's runs, over this database; runs started there hand their findings to the review queue. */
export function crawlControl(db: Kysely<Database>, runOptions: Omit<CrawlRunOptions, 'trigger' | 'actor' | 'limit' | 'sink'> = {}): CrawlControl {
  const sink = reviewQueueCrawlSink(db);
  return {
    async startCrawlRun({ limit, startedBy }) {
      const started = await startCrawlRun(db, { ...runOptions, trigger: 'console', actor: startedBy, limit, sink });
      if (started.ok) return started.runId;
      // One run at a time: the console shows the one already running.
      if (started.reason === 'already-running' || started.reason === 'not-resumable') return started.runId;
      throw new Error(`crawler settings refused: ${started.issues.join('; ')}`);
    },
    cancelCrawlRun: (runId) => cancelCrawlRun(db, runId),
    async crawlRunProgress(runId) {
      const progress = await crawlRunProgress(db, runId);
      return progress === null ? undefined : queueProgress(progress);
    },
    async listCrawlRuns() {
      return (await listCrawlRuns(db)).map(queueProgress);
    },
  };
}
