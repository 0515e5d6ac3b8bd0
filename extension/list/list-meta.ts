/**
 * The form of the list the extension holds (corpus/matching/compact-list.ts), named so that a list
 * stored by an earlier release in another form is never read with this one's (2: the social
 * security category, which moved the entry codes of the categories after it).
 */
export const COMPACT_FORMAT = 'sdc-compact/2';

/** What the extension knows about a list besides its text. */
export interface ListMeta {
  format: typeof COMPACT_FORMAT;
  /** The published version (its signed manifest's `version`). */
  version: number;
  /** When that version's manifest was signed (ISO date and time). */
  createdAt: string;
  /** Active sources in the list. */
  sourceCount: number;
  /** SHA-256 of the published snapshot the list was made from (the manifest's `snapshot.sha256`). */
  snapshotSha256: string;
  /** Until when the manifest that brought it vouches for it (a fresh install is current until then, before its first check). */
  expires?: string;
}

/** Where the extension looks for list updates, and the keys a manifest must be signed by. */
export interface ListChannelConfig {
  /** Base URLs of the published directory, ending with `/`, tried in turn (mirrors). */
  mirrors: string[];
  /** Pinned public keys (corpus/list/signing-keys.ts records). */
  pinnedKeys: import('../../corpus/list/signing-keys.ts').PublicKeyRecord[];
}

/** The metadata of the list a verified manifest describes. */
export function listMetaOf(manifest: import('../../corpus/list/manifest.ts').SignedManifest): ListMeta {
  return {
    format: COMPACT_FORMAT,
    version: manifest.version,
    createdAt: manifest.created,
    sourceCount: manifest.sources,
    snapshotSha256: manifest.snapshot.sha256,
    expires: manifest.expires,
  };
}
