/**
 * The curation database, as kysely sees it: one interface per table, every column typed.
 * Migrations in `migrations/` create exactly this shape; they only ever append.
 */
import type { Generated } from 'kysely';
import type { Category } from '../../corpus/categories.ts';
import type { Scope, Status } from '../../corpus/source.ts';
import type { Role } from '../auth/roles.ts';
import type { ValidationState } from '../sources/validation-state.ts';

/** ISO 8601 instants in UTC (`2026-11-23T12:00:00.000Z`), which sort as text. */
type Instant = string;

export interface UsersTable {
  id: Generated<number>;
  /** Lowercase. */
  email: string;
  role: Role;
  /** `scrypt$…` (auth/password.ts); never the password. */
  password_hash: string;
  created_at: Instant;
  disabled_at: Instant | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a copy of the database does not open sessions. */
  token_hash: string;
  user_id: number;
  created_at: Instant;
  last_seen_at: Instant;
  expires_at: Instant;
}

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  /** SHA-256 of the token, which is shown once, at creation. */
  token_hash: string;
  role: Role;
  created_by: number;
  created_at: Instant;
  last_used_at: Instant | null;
  revoked_at: Instant | null;
}

export interface SourcesTable {
  /** Integer row id, the rowid the search index refers to. */
  seq: Generated<number>;
  id: string;
  host: string;
  scope: Scope;
  path: string;
  category: Category;
  status: Status;
  name: string;
  /** The name folded for sorting (no case, no accents), so that « École » sorts among the E. */
  name_key: string;
  code: string;
  provenance: string;
  /** Derived from provenance at every write (validation-state.ts), stored to filter on it with an index. */
  validation: ValidationState;
  /** Incremented by every change: an edit based on an older revision is refused instead of overwriting. */
  revision: number;
  updated_at: Instant;
}

/** The full-text index of hostnames, organisation names and codes (FTS5, trigram tokenizer). */
export interface SourceSearchTable {
  rowid: number;
  source_search: string;
  host: string;
  name: string;
  code: string;
}

export const EVENT_ACTIONS = ['seed', 'create', 'update', 'activate', 'suspend', 'remove', 'review', 'revert'] as const;
export type EventAction = (typeof EVENT_ACTIONS)[number];

/** The audit trail: rows are only ever inserted (triggers refuse updates and deletes). */
export interface EventsTable {
  id: Generated<number>;
  at: Instant;
  /** Who, as shown at the time: an email, `jeton « name »`, or `système`. */
  actor: string;
  user_id: number | null;
  token_id: number | null;
  action: EventAction;
  source_id: string | null;
  /** The whole source before and after, as JSON; null before a creation. */
  before: string | null;
  after: string | null;
  comment: string;
  /** Shared by the events of one import or one bulk action. */
  batch: string | null;
  /** The event this one reverts. */
  reverts: number | null;
}

/** A CSV import between its preview and its application. */
export interface ImportsTable {
  id: string;
  created_by: string;
  user_id: number | null;
  token_id: number | null;
  created_at: Instant;
  file_name: string;
  csv: string;
  /** Digest of the plan shown in the preview: applying re-plans and refuses if anything moved. */
  plan_digest: string;
  applied_at: Instant | null;
}

/** A published list version (the files are in the list directory). */
export interface PublicationsTable {
  version: number;
  at: Instant;
  /** Who published, as shown at the time: an email, or `système` (first start, CLI). */
  actor: string;
  user_id: number | null;
  token_id: number | null;
  /** Sources in the list, and what changed since the previous version. */
  sources: number;
  added: number;
  changed: number;
  removed: number;
  /** 1 when published although nothing changed. */
  forced: number;
  comment: string;
  /** JSON `{ "upserted": [host…], "removed": [host…] }`: the first hostnames of the change, for the console. */
  changes: string;
  /** JSON array of the ids of the keys that signed it. */
  key_ids: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  sources: SourcesTable;
  source_search: SourceSearchTable;
  events: EventsTable;
  imports: ImportsTable;
  publications: PublicationsTable;
  crawl_runs: CrawlRunsTable;
  crawl_run_sources: CrawlRunSourcesTable;
  crawl_checks: CrawlChecksTable;
}

/** A run of the validation crawler (crawler/crawl-runs.ts). */
export interface CrawlRunsTable {
  id: Generated<number>;
  started_at: Instant;
  finished_at: Instant | null;
  state: 'running' | 'finished' | 'cancelled';
  /** `cli`, `schedule` or `console`. */
  trigger: string;
  /** Who started it, as shown at the time: an email, or `système`. */
  actor: string;
  /** Sources planned (rows of crawl_run_sources). */
  total: number;
  /** Refreshed by the process running it: a running run whose heartbeat is old was interrupted, and can be resumed. */
  heartbeat_at: Instant;
  /** JSON of the run's settings (concurrency, rate, timeouts), for the record. */
  options: string;
}

/** The sources a run planned to check, in order: resuming checks those without a check of that run. */
export interface CrawlRunSourcesTable {
  run_id: number;
  position: number;
  source_id: string;
}

/** One check of one source, with its evidence. Append-only but for `delivered_at`, written once. */
export interface CrawlChecksTable {
  id: Generated<number>;
  run_id: number;
  source_id: string;
  host: string;
  checked_at: Instant;
  /** crawler/crawl-outcomes.ts */
  outcome: string;
  /** JSON array of reason codes (why this outcome). */
  reasons: string;
  /** 1 when the site could not be reached or answered an error: the history that `unreachable` is decided from. */
  failed: number;
  /** The home page's text fingerprint (16 hex digits), compared with the last good check's. */
  fingerprint: string | null;
  /** How many public-body signals the home page carried. */
  public_signals: number;
  /** JSON of the recorded evidence (crawler/check-evidence.ts). */
  evidence: string;
  /** JSON of a suggested edit (`{ "host": … }`) for a moved source. */
  suggestion: string | null;
  /** 1 when a curator has to look at it (handed to the outcome sink). */
  finding: number;
  /** When the sink took it; null until then (a run resumed after a crash hands it again). */
  delivered_at: Instant | null;
}
