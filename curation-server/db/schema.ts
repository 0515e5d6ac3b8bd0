/**
 * The curation database, as kysely sees it: one interface per table, every column typed.
 * Migrations in `migrations/` create exactly this shape; they only ever append.
 */
import type { Generated } from 'kysely';
import type { Category } from '../../corpus/categories.ts';
import type { Scope, Status } from '../../corpus/source.ts';
import type { Role } from '../auth/roles.ts';
import type { ValidationState } from '../sources/validation-state.ts';
import type { ReviewDecision, ReviewKind, ReviewReason } from '../review/review-types.ts';

/** ISO 8601 instants in UTC (`2026-11-23T12:00:00.000Z`), which sort as text. */
type Instant = string;

export interface UsersTable {
  id: Generated<number>;
  /** Lowercase. */
  email: string;
  role: Role;
  /** `scrypt$…` (auth/password.ts); never the password. '' while an invitation or a reset link waits: no password opens it. */
  password_hash: string;
  created_at: Instant;
  disabled_at: Instant | null;
  /** 1 after a temporary password was given (migration 009): the next sign-in must choose a new one. */
  must_change_password: Generated<number>;
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

/** An item of the review queue (migration 007): a crawler finding or a report from the public. */
export interface ReviewItemsTable {
  id: Generated<number>;
  kind: ReviewKind;
  /** The crawl outcome, or the kind of report. */
  reason: ReviewReason;
  /** The source concerned, when the host is one. */
  source_id: string | null;
  host: string;
  /** JSON: the crawler's recorded evidence (DNS, hops, status, title, signals). */
  evidence: string | null;
  /** JSON `{ host?, path?, scope? }`: the edit the crawler suggests. */
  suggestion: string | null;
  /** A report: the address as the person typed it, their message, their optional email. */
  site: string | null;
  message: string | null;
  contact: string | null;
  run_id: number | null;
  opened_at: Instant;
  /** When the finding was last seen (a newer check refreshes an open item). */
  seen_at: Instant;
  findings: Generated<number>;
  /** 1 once decided (review_decisions); a decided item never changes again. */
  decided: Generated<number>;
}

/** A curator's decision on an item: append-only. */
export interface ReviewDecisionsTable {
  id: Generated<number>;
  item_id: number;
  at: Instant;
  actor: string;
  user_id: number | null;
  decision: ReviewDecision;
  comment: string;
  /** Shared by the decisions of one batch, and by the source events they made. */
  batch: string | null;
  /** The source event the decision made (none for « keep »). */
  event_id: number | null;
}

export const ATLAAS_ACTOR_KINDS = ['commune', 'commune-deleguee', 'commune-associee', 'arrondissement', 'epci', 'departement', 'region'] as const;
export type AtlaasActorKind = (typeof ATLAAS_ACTOR_KINDS)[number];

/** A collectivité of the official divisions (atlaas/actor-import.ts); never deleted, `current` 0 once gone from them. */
export interface AtlaasActorsTable {
  seq: Generated<number>;
  /** `<kind>:<code>`, e.g. `commune:42218`, `epci:200046977`, `departement:42`. */
  id: string;
  kind: AtlaasActorKind;
  /** INSEE code (commune, département, région), SIREN for an EPCI. */
  code: string;
  name: string;
  /** The name folded for sorting. */
  name_key: string;
  /** The indexed forms of the name (atlaas/names.ts). */
  search_words: string;
  search_joined: string;
  population: number | null;
  /** Space-separated. */
  postal_codes: string;
  departement: string;
  region: string;
  siren: string;
  /** A commune's EPCI (its SIREN), or ''. */
  epci: string;
  /** For a commune déléguée, associée or an arrondissement: the INSEE code of its commune today. */
  parent: string;
  /** An EPCI's legal form (CC, CA, CU, METRO…), a département's or région's chef-lieu. */
  detail: string;
  current: number;
  /** The order of search results: communes, EPCI, départements, régions, others; the most populous first (atlaas/divisions.ts). */
  rank_key: number;
}

/** Every code that leads to an actor: its INSEE code, former codes, postcodes, SIREN. */
export interface AtlaasActorCodesTable {
  code: string;
  kind: 'insee' | 'former' | 'postal' | 'siren';
  actor_id: string;
}

/** Raised by triggers on every write to a dataset's tables (migration 011): what in-memory search structures check. */
export interface AtlaasDataVersionsTable {
  dataset: 'actors' | 'actions';
  version: number;
}

/** A digital action described in the Atlaas (atlaas/action-import.ts); lists are JSON arrays of strings. */
export interface AtlaasActionsTable {
  seq: Generated<number>;
  id: string;
  actor_id: string;
  title: string;
  subtitle: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date: string;
  year: number;
  axis: string;
  issues: string;
  services: string;
  summary: string;
  done: string;
  results: string;
  recommendations: string;
  links: string;
  tools: string;
  providers: string;
  /** The actor's, copied for the area filter. */
  departement: string;
  region: string;
}

export interface AtlaasActionSearchTable {
  rowid: number;
  atlaas_action_search: string;
  title: string;
  subtitle: string;
  summary: string;
  done: string;
  results: string;
  recommendations: string;
}

/** A label result « Territoires, Villes et Villages Internet »: one per actor and year. */
export interface AtlaasLabelsTable {
  actor_id: string;
  year: number;
  arobases: number;
  title: string;
  /** JSON array of the thematic mentions. */
  mentions: string;
}

export type AtlaasLinkMethod = 'code' | 'directory' | 'hostname' | 'name';
export type AtlaasLinkStatus = 'linked' | 'suggested' | 'confirmed' | 'rejected';

/** A trusted source ↔ actor link: `linked` from the source's own code, otherwise suggested until a curator decides. */
export interface AtlaasLinksTable {
  source_id: string;
  actor_id: string;
  method: AtlaasLinkMethod;
  status: AtlaasLinkStatus;
  /** What suggested it, for the curator (`mairie-vannes.fr`, `annuaire 2019 : 56260`). */
  evidence: string;
  updated_at: Instant;
}

/** Curators' decisions on suggested links. Append-only (triggers refuse updates and deletes). */
export interface AtlaasLinkEventsTable {
  id: Generated<number>;
  at: Instant;
  actor: string;
  user_id: number | null;
  source_id: string;
  actor_id: string;
  decision: 'confirm' | 'reject';
  comment: string;
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
  atlaas_actors: AtlaasActorsTable;
  atlaas_actor_codes: AtlaasActorCodesTable;
  atlaas_data_versions: AtlaasDataVersionsTable;
  atlaas_actions: AtlaasActionsTable;
  atlaas_action_search: AtlaasActionSearchTable;
  atlaas_labels: AtlaasLabelsTable;
  atlaas_links: AtlaasLinksTable;
  atlaas_link_events: AtlaasLinkEventsTable;
  review_items: ReviewItemsTable;
  review_decisions: ReviewDecisionsTable;
  crawl_runs: CrawlRunsTable;
  crawl_run_sources: CrawlRunSourcesTable;
  crawl_checks: CrawlChecksTable;
  account_links: AccountLinksTable;
  account_events: AccountEventsTable;
  batches: BatchesTable;
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

export const ACCOUNT_LINK_PURPOSES = ['invitation', 'reset'] as const;
export type AccountLinkPurpose = (typeof ACCOUNT_LINK_PURPOSES)[number];

/** A one-time link (migration 009) an administrator passes on: the invitee or the user chooses a password there. */
export interface AccountLinksTable {
  id: Generated<number>;
  user_id: number;
  purpose: AccountLinkPurpose;
  /** SHA-256 of the link's token, which is shown once, to the administrator who made it. */
  token_hash: string;
  /** The administrator; null from the command line. */
  created_by: number | null;
  created_at: Instant;
  expires_at: Instant;
  /** Written once, when the password is chosen: a link opens once. */
  used_at: Instant | null;
  /** When a newer link of the account (or disabling it) took its place. */
  revoked_at: Instant | null;
}

export const ACCOUNT_EVENT_ACTIONS = ['create', 'invite', 'role', 'disable', 'enable', 'reset', 'password-chosen', 'password-changed'] as const;
export type AccountEventAction = (typeof ACCOUNT_EVENT_ACTIONS)[number];

/** The accounts' audit trail: rows are only ever inserted (triggers refuse updates and deletes); never a password, a link or a token. */
export interface AccountEventsTable {
  id: Generated<number>;
  at: Instant;
  /** Who, as shown at the time: an email, or `ligne de commande`. */
  actor: string;
  actor_user_id: number | null;
  /** The account acted on, and its email at the time. */
  user_id: number;
  email: string;
  action: AccountEventAction;
  /** JSON: `{ role }`, `{ from, to }`, `{ method: 'link' | 'temporary-password', expiresAt? }`. */
  detail: string;
}

/** What a bulk action of the console or the API does to the sources chosen (sources/source-commands.ts); a bulk batch's label. */
export const BULK_ACTIONS = ['activate', 'suspend', 'remove', 'review'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export const BATCH_KINDS = ['bulk', 'import', 'review', 'undo'] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];

/** A batch of changes made as one (migration 010): its events carry its id in `events.batch`. Append-only. */
export interface BatchesTable {
  /** The id its events carry (an import's batch id is the import's id). */
  id: string;
  kind: BatchKind;
  /** What it did: the bulk action or review decision (`suspend`…), the imported file's name, the id of the batch undone. */
  label: string;
  at: Instant;
  /** Who, as shown at the time (as in events). */
  actor: string;
  user_id: number | null;
  token_id: number | null;
  /** How many events (source changes) it made. */
  count: number;
  comment: string;
  /** The batch this one undid (kind `undo`). */
  undoes: string | null;
}
