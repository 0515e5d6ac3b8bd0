/**
 * The crawler's schedule in the server: every `everyMs`, one incremental run over the least
 * recently checked sources, sized so that a full pass takes `fullPassMs`; a run interrupted by a
 * crash or a restart is resumed first. The lead wires `startCrawlSchedule` into main.ts.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type CrawlRunOptions, type CrawlStart, interruptedCrawlRuns, resumeCrawlRun, startCrawlRun } from './crawl-runs.ts';

export interface CrawlScheduleOptions extends CrawlRunOptions {
  /** How often a run starts (default: every hour). */
  everyMs?: number;
  /** How long a pass over every source takes (default: seven days). */
  fullPassMs?: number;
  /** Wait before the first run (default: a minute, so that a start is not slowed by it). */
  firstRunAfterMs?: number;
}

export const DEFAULT_EVERY_MS = 3600_000;
export const DEFAULT_FULL_PASS_MS = 7 * 24 * 3600_000;

/** Sources per run so that `total` sources are all checked within `fullPassMs`. */
export function batchSize(total: number, everyMs: number, fullPassMs: number): number {
  if (total <= 0) return 0;
  return Math.min(total, Math.ceil((total * everyMs) / Math.max(everyMs, fullPassMs)));
}

export interface CrawlSchedule {
  /** One scheduled step now: resume an interrupted run, or start the next batch (what the timer calls). */
  tick(): Promise<CrawlStart | null>;
  stop(): void;
}

export function startCrawlSchedule(db: Kysely<Database>, options: CrawlScheduleOptions = {}): CrawlSchedule {
  const everyMs = options.everyMs ?? DEFAULT_EVERY_MS;
  const fullPassMs = options.fullPassMs ?? DEFAULT_FULL_PASS_MS;
  const runOptions: CrawlRunOptions = { ...options, trigger: 'schedule', actor: options.actor ?? 'système' };
  const tick = async (): Promise<CrawlStart | null> => {
    const [interrupted] = await interruptedCrawlRuns(db, (options.clock ?? (() => new Date()))());
    if (interrupted !== undefined) return resumeCrawlRun(db, interrupted, runOptions);
    const { count } = await db.selectFrom('sources').select((eb) => eb.fn.countAll<number>().as('count')).where('status', '!=', 'removed').executeTakeFirstOrThrow();
    const limit = batchSize(Number(count), everyMs, fullPassMs);
    if (limit === 0) return null;
    return startCrawlRun(db, { ...runOptions, limit });
  };
  const safeTick = () => void tick().catch((error: unknown) => console.error('crawler: the scheduled run could not start', error));
  let interval: NodeJS.Timeout | null = null;
  const first = setTimeout(() => {
    safeTick();
    interval = setInterval(safeTick, everyMs);
    interval.unref();
  }, options.firstRunAfterMs ?? 60_000);
  first.unref();
  return {
    tick,
    stop() {
      clearTimeout(first);
      if (interval !== null) clearInterval(interval);
    },
  };
}
