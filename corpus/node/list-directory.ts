/**
 * A published list directory (Node only): immutable versioned files plus `manifest.json`, ready to
 * be copied to any static host or CDN, and served by the curation server under /v1/.
 *
 *   manifest.json            signed, short-lived, replaced at each publication or re-signing
 *   snapshots/<N>.tsv        the list of version N, never rewritten
 *   deltas/<M>-<N>.tsv       from version M straight to N, never rewritten
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type ManifestEnvelope, manifestText, type SignedManifest } from '../list/manifest.ts';
import { MANIFEST_PATH } from '../list/list-update.ts';
import { type Publication, type PublishedVersion, snapshotPath } from '../list/publication.ts';

export interface PublishedState {
  /** The current manifest's signed part, or null before the first publication. */
  manifest: SignedManifest | null;
  /** Latest first: the snapshots of the last versions still in the directory. */
  previous: PublishedVersion[];
}

/** What is already published, read from the directory we write ourselves (not a network input). */
export async function readPublishedState(directory: string, depth: number): Promise<PublishedState> {
  const manifestFile = join(directory, MANIFEST_PATH);
  if (!existsSync(manifestFile)) return { manifest: null, previous: [] };
  const envelope = JSON.parse(await readFile(manifestFile, 'utf8')) as ManifestEnvelope;
  const manifest = envelope.signed;
  const previous: PublishedVersion[] = [];
  for (let version = manifest.version; version >= 1 && previous.length < depth; version--) {
    const file = join(directory, snapshotPath(version));
    if (!existsSync(file)) continue;
    previous.push({ version, snapshotText: await readFile(file, 'utf8') });
  }
  return { manifest, previous };
}

/** Writes through a temporary file and a rename, so that a reader never sees half a file. */
async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

export async function writeManifest(directory: string, envelope: ManifestEnvelope): Promise<void> {
  await writeAtomically(join(directory, MANIFEST_PATH), manifestText(envelope));
}

/**
 * Writes a publication: the immutable files first (an existing one must be identical: published
 * bytes never change), the manifest last, so that clients never see a manifest naming a missing file.
 */
export async function writePublication(directory: string, publication: Extract<Publication, { status: 'published' }>): Promise<void> {
  for (const file of publication.files) {
    const path = join(directory, file.path);
    if (existsSync(path)) {
      if ((await readFile(path, 'utf8')) !== file.text) throw new Error(`${file.path} is already published with other content`);
      continue;
    }
    await writeAtomically(path, file.text);
  }
  await writeManifest(directory, publication.manifest);
}
