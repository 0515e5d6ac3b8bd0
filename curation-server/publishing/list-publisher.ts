/**
 * Publishing the curated list from the database: the active sources become the next signed version
 * in the list directory (corpus/node/publish-list.ts), and each publication is recorded (who, when,
 * counts, the first hostnames changed) for the console. One publication at a time: a second click
 * waits for the first. The manifest is signed again when it is a day old, so that its short expiry
 * never lapses while the server runs.
 *
 * Keys are read from their directory at each use (files, never the database): every
 * `<id>.private.pem` there signs; when there are several (a rotation), the manifest announces them all.
 * A key added or retired takes effect at the next publication or re-signing, without a restart.
 */
import type { Kysely, Selectable } from 'kysely';
import type { SignedManifest } from '../../corpus/list/manifest.ts';
import type { Publication } from '../../corpus/list/publication.ts';
import { sha256Hex, utf8 } from '../../corpus/list/digest.ts';
import { rowKey, snapshotText } from '../../corpus/list/snapshot.ts';
import { readPublishedState } from '../../corpus/node/list-directory.ts';
import { currentManifest, keysFromDirectory, publishList, resignList } from '../../corpus/node/publish-list.ts';
import type { Source, Status } from '../../corpus/source.ts';
import type { Actor } from '../auth/actor.ts';
import type { Database, PublicationsTable } from '../db/schema.ts';
import { type PublicationPreview, publicationPreview } from './publication-preview.ts';

/** Re-sign a manifest once it is this old. */
export const RESIGN_AFTER_MS = 24 * 60 * 60 * 1000;
/** Hostnames kept per kind of change in a publication's record. */
const CHANGE_SAMPLE = 20;

export interface PublisherOptions {
  db: Kysely<Database>;
  /** The published directory (served under /v1/, copyable to any static host). */
  directory: string;
  keysDirectory: string;
  expiryDays?: number;
  deltaDepth?: number;
  /** The shortest interval between two checks of an extension, in minutes, written in every manifest (SDC_MIN_CHECK_MINUTES). */
  minCheckMinutes?: number;
  now?: () => Date;
}

export interface PublicationRecord {
  version: number;
  at: string;
  actor: string;
  sources: number;
  added: number;
  changed: number;
  removed: number;
  forced: boolean;
  comment: string;
  upserted: string[];
  removedHosts: string[];
  keyIds: string[];
}

export type PublishOutcome =
  | { status: 'no-key' }
  | { status: 'unchanged'; version: number }
  | { status: 'published'; record: PublicationRecord };

export interface PublisherStatus {
  manifest: SignedManifest | null;
  keyIds: string[];
  /** Why keys could not be read (e.g. a private key others can read), or null. */
  keyProblem: string | null;
}

export class ListPublisher {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;

  constructor(private readonly options: PublisherOptions) {
    this.now = options.now ?? (() => new Date());
  }

  get directory(): string {
    return this.options.directory;
  }

  /** Runs tasks one after the other (two admins publishing at once get two versions, never a mix). */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async status(): Promise<PublisherStatus> {
    const manifest = await currentManifest(this.options.directory);
    try {
      const { signingKeys } = await keysFromDirectory(this.options.keysDirectory);
      return { manifest, keyIds: signingKeys.map((key) => key.keyId), keyProblem: null };
    } catch (error) {
      return { manifest, keyIds: [], keyProblem: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * What publishing now would change, compared with the version online, and the digest of the list
   * it would publish (a form sends it back, so that what is published is what was previewed).
   */
  async preview(limit?: number): Promise<{ preview: PublicationPreview; digest: string }> {
    const { previous } = await readPublishedState(this.options.directory, 1);
    const targetText = snapshotText(await activeSources(this.options.db));
    const rows = await this.options.db.selectFrom('sources').select(['host', 'path', 'status']).where('status', '!=', 'active').execute();
    const statuses = new Map<string, Status>(rows.map((row) => [`${row.host}\t${row.path}`, row.status]));
    const preview = publicationPreview({ base: previous[0] ?? null, targetText, statusAt: (key) => statuses.get(key), limit });
    return { preview, digest: await sha256Hex(utf8(targetText)) };
  }

  /**
   * `engineDefinitions`: new engine definitions (JSON text, already checked) to publish with the list; otherwise the published ones stay.
   */
  publish(actor: Actor, options: { force?: boolean; comment?: string; engineDefinitions?: string } = {}): Promise<PublishOutcome> {
    // Without a digest to compare with, nothing is ever `stale`.
    return this.publishChecked(actor, options) as Promise<PublishOutcome>;
  }

  /** Publishes the list previewed (`digest`, see `preview`), or nothing — `stale` — when the sources have changed since. */
  publishPreviewed(actor: Actor, digest: string, options: { force?: boolean; comment?: string } = {}): Promise<PublishOutcome | { status: 'stale' }> {
    return this.publishChecked(actor, { ...options, expectedDigest: digest });
  }

  private publishChecked(actor: Actor, options: { force?: boolean; comment?: string; engineDefinitions?: string; expectedDigest?: string }): Promise<PublishOutcome | { status: 'stale' }> {
    return this.exclusive(async () => {
      const keys = await keysFromDirectory(this.options.keysDirectory);
      if (keys.signingKeys.length === 0) return { status: 'no-key' } as const;
      const at = this.now();
      const sources = await activeSources(this.options.db);
      if (options.expectedDigest !== undefined && options.expectedDigest !== (await sha256Hex(utf8(snapshotText(sources))))) return { status: 'stale' } as const;
      const publication = await publishList({
        ...keys,
        directory: this.options.directory,
        sources,
        // The record outlives the files: a wiped or restored directory never makes a version number come back.
        lastVersion: await this.lastRecordedVersion(),
        force: options.force,
        engineDefinitions: options.engineDefinitions,
        expiryDays: this.options.expiryDays,
        deltaDepth: this.options.deltaDepth,
        minCheckMinutes: this.options.minCheckMinutes,
        now: at,
      });
      if (publication.status === 'unchanged') return publication;
      const record = recordOf(publication, actor, at, options);
      await this.options.db.insertInto('publications').values(rowOf(record, actor)).execute();
      return { status: 'published', record } as const;
    });
  }

  /** Signs the manifest again when it is a day old; returns the new manifest, or null when not due. */
  resignIfDue(): Promise<SignedManifest | null> {
    return this.exclusive(async () => {
      const manifest = await currentManifest(this.options.directory);
      if (manifest === null || this.now().getTime() - Date.parse(manifest.created) < RESIGN_AFTER_MS) return null;
      return this.signAgain();
    });
  }

  /** Signs the current manifest again now (same version, new expiry); null before any publication or without a key. */
  resign(): Promise<SignedManifest | null> {
    return this.exclusive(() => this.signAgain());
  }

  private async signAgain(): Promise<SignedManifest | null> {
    const keys = await keysFromDirectory(this.options.keysDirectory);
    if (keys.signingKeys.length === 0) return null;
    return resignList({ ...keys, directory: this.options.directory, expiryDays: this.options.expiryDays, minCheckMinutes: this.options.minCheckMinutes, now: this.now() });
  }

  /**
   * Records the version online when no publication of this server did (the extension build
   * publishes the seed where there is no list yet, before the server's first start): the history
   * then starts with it, and nothing is online that the console does not show. Returns the record, or null.
   */
  recordUnrecordedVersion(actor: Actor, comment: string): Promise<PublicationRecord | null> {
    return this.exclusive(async () => {
      const state = await readPublishedState(this.options.directory, 1);
      if (state.manifest === null) return null;
      const recorded = await this.options.db.selectFrom('publications').select('version').where('version', '=', state.manifest.version).executeTakeFirst();
      if (recorded !== undefined) return null;
      const { manifest } = state;
      const record: PublicationRecord = {
        version: manifest.version,
        at: manifest.created,
        actor: actor.label,
        sources: manifest.sources,
        added: manifest.deltas.length === 0 ? manifest.sources : 0,
        changed: 0,
        removed: 0,
        forced: false,
        comment,
        upserted: [],
        removedHosts: [],
        keyIds: [],
      };
      await this.options.db.insertInto('publications').values(rowOf(record, actor)).execute();
      return record;
    });
  }

  private async lastRecordedVersion(): Promise<number> {
    const row = await this.options.db.selectFrom('publications').select((eb) => eb.fn.max('version').as('last')).executeTakeFirst();
    return Number(row?.last ?? 0);
  }

  async history(limit = 50): Promise<PublicationRecord[]> {
    const rows = await this.options.db.selectFrom('publications').selectAll().orderBy('version', 'desc').limit(limit).execute();
    return rows.map(recordFromRow);
  }
}

/**
 * The active sources with what a client list holds of them: the snapshot leaves out ids and
 * provenance (corpus-text.ts clientSources), so they are not read (a third of the time on 45,000 sources).
 */
async function activeSources(db: Kysely<Database>): Promise<Source[]> {
  const rows = await db.selectFrom('sources').select(['host', 'scope', 'path', 'category', 'status', 'name', 'code']).where('status', '=', 'active').execute();
  return rows.map((row) => ({ ...row, id: '', provenance: '' }));
}

/**
 * The hostnames (with their path, if any) a publication's delta from the previous version touches:
 * its `+<row>` lines (read by the snapshot's `rowKey`) and its `-<host>\t<path>` lines (keys already).
 */
function changedHosts(publication: Extract<Publication, { status: 'published' }>): { upserted: string[]; removedHosts: string[] } {
  const delta = publication.files[1];
  const upserted: string[] = [];
  const removedHosts: string[] = [];
  for (const line of delta?.text.split('\n') ?? []) {
    const key = line.startsWith('+') ? rowKey(line.slice(1)) : line.startsWith('-') ? line.slice(1) : null;
    const list = line.startsWith('+') ? upserted : removedHosts;
    if (key !== null && list.length < CHANGE_SAMPLE) list.push(key.replace('\t', ''));
  }
  return { upserted, removedHosts };
}

function recordOf(publication: Extract<Publication, { status: 'published' }>, actor: Actor, at: Date, options: { force?: boolean; comment?: string }): PublicationRecord {
  const { sources, added, changed, removed } = publication.summary;
  return {
    version: publication.version,
    at: at.toISOString(),
    actor: actor.label,
    sources,
    added,
    changed,
    removed,
    forced: options.force === true && added + changed + removed === 0,
    comment: options.comment ?? '',
    ...changedHosts(publication),
    keyIds: publication.manifest.signatures.map((signature) => signature.keyId),
  };
}

function rowOf(record: PublicationRecord, actor: Actor): Selectable<PublicationsTable> {
  return {
    version: record.version,
    at: record.at,
    actor: record.actor,
    user_id: actor.userId,
    token_id: actor.tokenId,
    sources: record.sources,
    added: record.added,
    changed: record.changed,
    removed: record.removed,
    forced: record.forced ? 1 : 0,
    comment: record.comment,
    changes: JSON.stringify({ upserted: record.upserted, removed: record.removedHosts }),
    key_ids: JSON.stringify(record.keyIds),
  };
}

function recordFromRow(row: Selectable<PublicationsTable>): PublicationRecord {
  const changes = JSON.parse(row.changes) as { upserted: string[]; removed: string[] };
  return {
    version: row.version,
    at: row.at,
    actor: row.actor,
    sources: row.sources,
    added: row.added,
    changed: row.changed,
    removed: row.removed,
    forced: row.forced === 1,
    comment: row.comment,
    upserted: changes.upserted,
    removedHosts: changes.removed,
    keyIds: JSON.parse(row.key_ids) as string[],
  };
}
