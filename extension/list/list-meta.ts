/** What the extension knows about a list besides its text. */
export interface ListMeta {
  /** The form of the list the extension holds (corpus/matching/compact-list.ts). */
  format: 'sdc-compact/1';
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
    format: 'sdc-compact/1',
    version: manifest.version,
    createdAt: manifest.created,
    sourceCount: manifest.sources,
    snapshotSha256: manifest.snapshot.sha256,
    expires: manifest.expires,
  };
}
