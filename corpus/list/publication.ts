/**
 * Turning the sources into a new published version: the snapshot, a cumulative delta from each of
 * the last published versions straight to the new one, and the signed manifest that names them.
 * Pure apart from signing: reading previous versions and writing files is the caller's job
 * (corpus/node/list-directory.ts), so the same code serves the console, the CLI and the tests.
 */
import type { Source } from '../source.ts';
import { type DeltaSummary, deltaText } from './delta.ts';
import { sha256Hex, utf8 } from './digest.ts';
import { type ManifestEnvelope, MANIFEST_SPEC, MANIFEST_TYPE, type SignedManifest, signManifest } from './manifest.ts';
import type { PublicKeyRecord, SigningKey } from './signing-keys.ts';
import { snapshotText } from './snapshot.ts';

export const DEFAULT_EXPIRY_DAYS = 7;
export const DEFAULT_DELTA_DEPTH = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

export const snapshotPath = (version: number) => `snapshots/${version}.tsv`;
export const deltaPath = (from: number, to: number) => `deltas/${from}-${to}.tsv`;
/** Named by their hash: a file of definitions is never rewritten with other content. */
export const enginesPath = (sha256: string) => `engines/${sha256}.json`;

export interface PublishedVersion {
  version: number;
  snapshotText: string;
}

export interface PublicationOptions {
  /** Every source; only the active ones are published. */
  sources: readonly Source[];
  /** The latest published version first, then older ones (as many as deltas are wanted). */
  previous: readonly PublishedVersion[];
  /**
   * The highest version ever published, when it is known elsewhere (the server's record) and its
   * files may be gone (a list directory restored from an old backup or wiped): the new version
   * comes after it, since clients refuse to go back to a version they have passed.
   */
  lastVersion?: number;
  signingKeys: readonly SigningKey[];
  /** Keys to announce for a rotation. */
  announcedKeys?: readonly PublicKeyRecord[];
  now?: Date;
  expiryDays?: number;
  deltaDepth?: number;
  minClientVersion?: string;
  /** The shortest interval between two checks of a client, in minutes (raised when the channel is under load). */
  minCheckMinutes?: number;
  /** Publish a new version even when nothing changed. */
  force?: boolean;
  /** The previous manifest's definitions entry, to tell whether new definitions change anything. */
  previousEngines?: SignedManifest['engines'];
  /**
   * The engine definitions to publish with this version (JSON text, checked by the caller), or the
   * entry of the previous manifest to keep naming (definitions stay published from one version to the next).
   */
  engines?: { text: string } | SignedManifest['engines'];
}

export interface PublishedFile {
  path: string;
  text: string;
}

export type Publication =
  | { status: 'unchanged'; version: number }
  | {
      status: 'published';
      version: number;
      manifest: ManifestEnvelope;
      /** Immutable files (snapshot, deltas), to write before the manifest. */
      files: PublishedFile[];
      /** What changed since the previous version (all added for the first one). */
      summary: DeltaSummary & { sources: number };
      snapshotText: string;
    };

async function fileEntry(path: string, text: string) {
  const bytes = utf8(text);
  return { path, sha256: await sha256Hex(bytes), length: bytes.length };
}

function validity(now: Date, expiryDays: number): Pick<SignedManifest, 'created' | 'expires'> {
  return { created: now.toISOString(), expires: new Date(now.getTime() + expiryDays * DAY_MS).toISOString() };
}

export async function buildPublication(options: PublicationOptions): Promise<Publication> {
  const latest = options.previous[0];
  const text = snapshotText(options.sources);
  const newEngines = options.engines !== undefined && 'text' in options.engines ? options.engines.text : null;
  const engines = newEngines === null ? (options.engines as SignedManifest['engines']) : await fileEntry(enginesPath(await sha256Hex(utf8(newEngines))), newEngines);
  const enginesChanged = newEngines !== null && engines?.sha256 !== options.previousEngines?.sha256;
  if (latest !== undefined && latest.snapshotText === text && !enginesChanged && !options.force) return { status: 'unchanged', version: latest.version };

  const version = Math.max(latest?.version ?? 0, options.lastVersion ?? 0) + 1;
  const files: PublishedFile[] = [{ path: snapshotPath(version), text }];
  if (newEngines !== null && engines !== undefined) files.push({ path: engines.path, text: newEngines });
  const deltas: SignedManifest['deltas'] = [];
  const sources = countRows(text);
  let summary: DeltaSummary = { added: sources, changed: 0, removed: 0 };
  for (const [index, base] of options.previous.slice(0, options.deltaDepth ?? DEFAULT_DELTA_DEPTH).entries()) {
    const delta = deltaText(base.version, version, base.snapshotText, text);
    if (index === 0) summary = delta.summary;
    files.push({ path: deltaPath(base.version, version), text: delta.text });
    deltas.push({ from: base.version, ...(await fileEntry(deltaPath(base.version, version), delta.text)) });
  }
  const snapshot = await fileEntry(snapshotPath(version), text);
  const signed: SignedManifest = {
    type: MANIFEST_TYPE,
    spec: MANIFEST_SPEC,
    version,
    ...validity(options.now ?? new Date(), options.expiryDays ?? DEFAULT_EXPIRY_DAYS),
    minClientVersion: options.minClientVersion ?? '0.1.0',
    sources,
    snapshot,
    deltas,
    keys: [...(options.announcedKeys ?? [])],
    ...(options.minCheckMinutes === undefined ? {} : { minCheckMinutes: options.minCheckMinutes }),
    ...(engines === undefined ? {} : { engines }),
  };
  const manifest = await signManifest(signed, options.signingKeys);
  return { status: 'published', version, manifest, files, summary: { ...summary, sources }, snapshotText: text };
}

function countRows(text: string): number {
  let rows = 0;
  for (const line of text.split('\n')) if (line !== '' && !line.startsWith('#')) rows++;
  return rows;
}

/**
 * The same version's manifest, signed again with a new validity period, so that `expires` can stay
 * short: run daily. Clients see the same version and learn that the list is still current.
 */
export async function resignManifest(
  current: SignedManifest,
  signingKeys: readonly SigningKey[],
  options: { now?: Date; expiryDays?: number; announcedKeys?: readonly PublicKeyRecord[]; minCheckMinutes?: number } = {},
): Promise<ManifestEnvelope> {
  const { minCheckMinutes: _previous, ...rest } = current;
  const minCheckMinutes = options.minCheckMinutes ?? current.minCheckMinutes;
  return signManifest(
    {
      ...rest,
      ...validity(options.now ?? new Date(), options.expiryDays ?? DEFAULT_EXPIRY_DAYS),
      keys: [...(options.announcedKeys ?? current.keys)],
      ...(minCheckMinutes === undefined ? {} : { minCheckMinutes }),
    },
    signingKeys,
  );
}
