/**
 * One publishing step on a list directory (Node only), shared by `npm run publish` and the curation
 * server: read what is published, build the next version from the sources, write it (immutable files
 * first, manifest last); or sign the current manifest again with a new expiry.
 */
import { buildPublication, DEFAULT_DELTA_DEPTH, DEFAULT_EXPIRY_DAYS, type Publication, resignManifest } from '../list/publication.ts';
import type { SignedManifest } from '../list/manifest.ts';
import type { PublicKeyRecord, SigningKey } from '../list/signing-keys.ts';
import type { Source } from '../source.ts';
import { readPublishedState, writeManifest, writePublication } from './list-directory.ts';
import { readSigningKeyDirectory } from './signing-key-files.ts';

export interface PublishingKeys {
  /** Every key signs the manifest (several during a rotation). */
  signingKeys: readonly SigningKey[];
  /** Keys the manifest announces to clients (the next key of a rotation). */
  announcedKeys?: readonly PublicKeyRecord[];
}

/**
 * The keys of a key directory: every `<id>.private.pem` signs; when there are several (a rotation),
 * the manifest announces them all, so that clients pinning the old key learn the new one.
 */
export async function keysFromDirectory(directory: string): Promise<PublishingKeys> {
  const signingKeys = await readSigningKeyDirectory(directory);
  return { signingKeys, announcedKeys: signingKeys.length > 1 ? signingKeys.map((key) => key.publicKey) : [] };
}

export interface PublishListOptions extends PublishingKeys {
  directory: string;
  sources: readonly Source[];
  /** See PublicationOptions.lastVersion. */
  lastVersion?: number;
  force?: boolean;
  expiryDays?: number;
  deltaDepth?: number;
  /** See PublicationOptions.minCheckMinutes. */
  minCheckMinutes?: number;
  /** New engine definitions (JSON text, checked by the caller); without them, the published ones stay. */
  engineDefinitions?: string;
  now?: Date;
}

export async function publishList(options: PublishListOptions): Promise<Publication> {
  if (options.signingKeys.length === 0) throw new Error('no signing key');
  const deltaDepth = options.deltaDepth ?? DEFAULT_DELTA_DEPTH;
  const state = await readPublishedState(options.directory, deltaDepth);
  const publication = await buildPublication({
    sources: options.sources,
    previous: state.previous,
    lastVersion: options.lastVersion,
    signingKeys: options.signingKeys,
    announcedKeys: options.announcedKeys,
    expiryDays: options.expiryDays ?? DEFAULT_EXPIRY_DAYS,
    deltaDepth,
    force: options.force,
    minCheckMinutes: options.minCheckMinutes,
    engines: options.engineDefinitions === undefined ? state.manifest?.engines : { text: options.engineDefinitions },
    previousEngines: state.manifest?.engines,
    now: options.now,
  });
  if (publication.status === 'published') await writePublication(options.directory, publication);
  return publication;
}

/** Signs the current version's manifest again (new `created`, new `expires`); null before any publication. */
export async function resignList(options: PublishingKeys & { directory: string; expiryDays?: number; minCheckMinutes?: number; now?: Date }): Promise<SignedManifest | null> {
  if (options.signingKeys.length === 0) throw new Error('no signing key');
  const { manifest } = await readPublishedState(options.directory, 0);
  if (manifest === null) return null;
  const envelope = await resignManifest(manifest, options.signingKeys, {
    now: options.now,
    expiryDays: options.expiryDays ?? DEFAULT_EXPIRY_DAYS,
    announcedKeys: options.announcedKeys,
    minCheckMinutes: options.minCheckMinutes,
  });
  await writeManifest(options.directory, envelope);
  return envelope.signed;
}

/** The signed part of the current manifest, or null before any publication. */
export async function currentManifest(directory: string): Promise<SignedManifest | null> {
  return (await readPublishedState(directory, 0)).manifest;
}
