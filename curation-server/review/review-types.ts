/**
 * The contract between the crawler engine (curation-server/crawler/, another module) and what
 * curators see: the findings it hands over for review, and the control of its runs from the console.
 */

/** Crawl outcomes that need a curator (`ok` does not reach the queue). */
export const CRAWL_OUTCOMES = ['moved', 'redirected', 'unreachable', 'suspicious', 'candidate'] as const;
export type CrawlOutcome = (typeof CRAWL_OUTCOMES)[number];

/** What a person can report from the public form. */
export const REPORT_KINDS = ['missing', 'wrong', 'squatted', 'other'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REVIEW_KINDS = ['crawl', 'report'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
export type ReviewReason = CrawlOutcome | ReportKind;

/** What a curator can decide on an item. */
export const REVIEW_DECISIONS = ['suspend', 'apply', 'activate', 'keep'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** An edit the crawler suggests (a moved site: its new host, path or scope). */
export interface CrawlSuggestion {
  host?: string;
  path?: string;
  scope?: string;
}

export interface CrawlFinding {
  sourceId: string;
  host: string;
  outcome: CrawlOutcome;
  /** JSON-serialisable record of DNS, hops, status, title, signals. */
  evidence: unknown;
  suggestion?: CrawlSuggestion;
  checkedAt: string;
  runId: number;
}

/** The engine calls this for every finding that needs a curator. */
export interface CrawlOutcomeSink {
  record(item: CrawlFinding): Promise<void>;
}

export const RUN_STATES = ['running', 'done', 'cancelled', 'interrupted'] as const;
export type CrawlRunState = (typeof RUN_STATES)[number];

/** Counts per outcome of a run, `ok` included. */
export type OutcomeCounts = Partial<Record<CrawlOutcome | 'ok', number>>;

export interface CrawlRunProgress {
  checked: number;
  total: number;
  outcomes: OutcomeCounts;
  startedAt: string;
  /** The expected end, while running. */
  eta: string | null;
  state: CrawlRunState;
}

export interface CrawlRunSummary extends CrawlRunProgress {
  id: number;
  finishedAt: string | null;
}

export interface CrawlRunOptions {
  /** How many sources to check at most (the least recently checked first); all that are due when absent. */
  limit?: number;
  /** Who started it, as the history writes it. */
  startedBy: string;
}

/**
 * The crawler's runs as the console drives them (crawler/crawl-runs.ts, bound to the database):
 * the console's runs page is mounted only when the app is given one.
 */
export interface CrawlControl {
  startCrawlRun(options: CrawlRunOptions): Promise<number>;
  /** False when the run is unknown or already over. */
  cancelCrawlRun(runId: number): Promise<boolean>;
  crawlRunProgress(runId: number): Promise<CrawlRunProgress | undefined>;
  /** Newest first. */
  listCrawlRuns(): Promise<CrawlRunSummary[]>;
}
