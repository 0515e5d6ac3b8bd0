/**
 * A stand-in for the crawler engine's run control (crawler/crawl-runs.ts, on another branch), backed
 * by a real table of its own that it creates: the console drives runs only through CrawlControl.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { CrawlControl, CrawlRunState, CrawlRunSummary, OutcomeCounts } from '../review/review-types.ts';

export interface RunRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  state: CrawlRunState;
  checked: number;
  total: number;
  outcomes: string;
  started_by: string;
}

export function tableCrawlControl(database: () => Kysely<Database>): CrawlControl & { ready(): Promise<void>; addRun(row: Omit<RunRow, 'id'>): Promise<void> } {
  const db = () => database();
  const summary = (row: RunRow): CrawlRunSummary => ({
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    state: row.state,
    checked: row.checked,
    total: row.total,
    outcomes: JSON.parse(row.outcomes) as OutcomeCounts,
    eta: row.state === 'running' ? '2026-12-01T12:00:00.000Z' : null,
  });
  return {
    async ready() {
      await sql`CREATE TABLE test_crawl_runs (id INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, finished_at TEXT, state TEXT NOT NULL,
        checked INTEGER NOT NULL, total INTEGER NOT NULL, outcomes TEXT NOT NULL, started_by TEXT NOT NULL)`.execute(db());
    },
    async addRun(row) {
      await sql`INSERT INTO test_crawl_runs (started_at, finished_at, state, checked, total, outcomes, started_by)
        VALUES (${row.started_at}, ${row.finished_at}, ${row.state}, ${row.checked}, ${row.total}, ${row.outcomes}, ${row.started_by})`.execute(db());
    },
    async startCrawlRun(options) {
      const total = options.limit ?? 1000;
      const { rows } = await sql<{ id: number }>`INSERT INTO test_crawl_runs (started_at, finished_at, state, checked, total, outcomes, started_by)
        VALUES ('2026-12-01T10:00:00.000Z', NULL, 'running', 0, ${total}, '{}', ${options.startedBy}) RETURNING id`.execute(db());
      return rows[0].id;
    },
    async cancelCrawlRun(runId) {
      const result = await sql`UPDATE test_crawl_runs SET state = 'cancelled', finished_at = '2026-12-01T10:05:00.000Z' WHERE id = ${runId} AND state = 'running'`.execute(db());
      return result.numAffectedRows === 1n;
    },
    async crawlRunProgress(runId) {
      const { rows } = await sql<RunRow>`SELECT * FROM test_crawl_runs WHERE id = ${runId}`.execute(db());
      return rows[0] === undefined ? undefined : summary(rows[0]);
    },
    async listCrawlRuns() {
      const { rows } = await sql<RunRow>`SELECT * FROM test_crawl_runs ORDER BY id DESC`.execute(db());
      return rows.map(summary);
    },
  };
}
