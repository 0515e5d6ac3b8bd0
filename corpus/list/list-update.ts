/**
 * The client side of list updates, for the extension (browser) and the tests: fetch the manifest,
 * verify its signature against pinned keys, refuse an older version than the highest seen
 * (rollback) and an expired manifest (freeze), then take the delta that starts at the local version
 * — else the snapshot — with lengths checked while reading and the result's hash checked against
 * the manifest. Every failure is a value; the caller keeps its last good list whatever happens.
 */
import { applyDelta } from './delta.ts';
import { sha256Hex } from './digest.ts';
import { MAX_MANIFEST_BYTES, readManifest, type SignedManifest } from './manifest.ts';
import type { PublicKeyRecord } from './signing-keys.ts';
import { SNAPSHOT_FORMAT } from './snapshot.ts';

export const MANIFEST_PATH = 'manifest.json';

export interface ListChannel {
  /** Where the published directory is served, ending with `/` (e.g. `https://listes.example.fr/v1/`). */
  baseUrl: string;
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
}

/** A list the client holds: its version (0 for the list bundled before any publication) and its text. */
export interface LocalList {
  version: number;
  text: string;
}

export interface UpdateRequest {
  channel: ListChannel;
  /** The last good list. */
  local: LocalList;
  /** The highest manifest version ever accepted: never go below it. */
  highestSeenVersion: number;
  /** Pinned public keys (built in, from policy, or announced by a verified manifest). */
  trustedKeys: readonly PublicKeyRecord[];
  /** This client's version, compared with the manifest's `minClientVersion`. */
  clientVersion: string;
  now?: Date;
}

export type UpdateFailure =
  | 'network'
  | 'malformed-manifest'
  | 'bad-signature'
  | 'rollback'
  | 'expired'
  | 'client-too-old'
  | 'length'
  | 'hash'
  | 'malformed-list'
  /** Engine definitions the manifest names that the client's schema refuses. */
  | 'malformed-engines';

export type ListUpdate =
  /** A newer list, verified: store it, with the manifest's version as the highest seen and its announced keys. */
  | { outcome: 'updated'; list: LocalList; manifest: SignedManifest; via: 'delta' | 'snapshot'; deltaFailure?: string }
  /** The local list is the current one; the manifest was verified (record when, for freeze warnings). */
  | { outcome: 'current'; manifest: SignedManifest }
  | { outcome: 'failed'; reason: UpdateFailure; detail: string };

type Step<T> = { ok: true; value: T } | { ok: false; reason: UpdateFailure; detail: string };
const fail = (reason: UpdateFailure, detail: string): { ok: false; reason: UpdateFailure; detail: string } => ({ ok: false, reason, detail });

/** Reads a body, refusing it as soon as it is longer than allowed, and checking its exact length when known. */
async function download(channel: ListChannel, path: string, length: { exact: number } | { max: number }): Promise<Step<Uint8Array>> {
  const limit = 'exact' in length ? length.exact : length.max;
  const tooLong: UpdateFailure = 'exact' in length ? 'length' : 'malformed-manifest';
  let response: Response;
  try {
    response = await channel.fetch(new URL(path, channel.baseUrl).href, { cache: 'no-cache', credentials: 'omit', redirect: 'error' });
  } catch (error) {
    return fail('network', `${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok || response.body === null) return fail('network', `${path}: HTTP ${response.status}`);
  // A declared length is the length on the wire, which compression changes: compare it only when uncompressed.
  const declared = response.headers.get('content-length');
  const encoding = response.headers.get('content-encoding');
  if (declared !== null && (encoding === null || encoding === 'identity') && Number(declared) > limit) {
    await response.body.cancel();
    return fail(tooLong, `${path}: ${declared} bytes announced, at most ${limit} expected`);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      return fail('network', `${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (chunk.done) break;
    total += chunk.value.length;
    if (total > limit) {
      await reader.cancel();
      return fail(tooLong, `${path}: longer than ${limit} bytes`);
    }
    chunks.push(chunk.value);
  }
  if ('exact' in length && total !== length.exact) return fail('length', `${path}: ${total} bytes instead of ${length.exact}`);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return { ok: true, value: bytes };
}

function decode(bytes: Uint8Array, what: string): Step<string> {
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return fail('malformed-list', `${what}: not UTF-8`);
  }
}

/**
 * Another file a verified manifest names (the engine definitions), as text once its length and
 * SHA-256 are those announced; every failure is a value.
 */
export async function fetchVerifiedFile(
  channel: ListChannel,
  file: { path: string; sha256: string; length: number },
): Promise<{ ok: true; text: string } | { ok: false; reason: UpdateFailure; detail: string }> {
  const step = await downloadVerified(channel, file);
  return step.ok ? { ok: true, text: step.value } : step;
}

/** A downloaded file whose length and SHA-256 are those the manifest announced, as text. */
async function downloadVerified(channel: ListChannel, file: { path: string; sha256: string; length: number }): Promise<Step<string>> {
  const body = await download(channel, file.path, { exact: file.length });
  if (!body.ok) return body;
  if ((await sha256Hex(body.value)) !== file.sha256) return fail('hash', `${file.path}: SHA-256 differs from the manifest`);
  return decode(body.value, file.path);
}

/**
 * A list text that is the manifest's snapshot: same hash, our format, as many rows as announced.
 * The signed hash already vouches for every byte; lines are read (and bad ones reported) when the
 * list is loaded (`loadMatcher`).
 */
async function checkList(text: string, manifest: SignedManifest): Promise<Step<string>> {
  if ((await sha256Hex(text)) !== manifest.snapshot.sha256) return fail('hash', 'the resulting list differs from the manifest');
  let rows = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at + 1 < text.length; at = text.indexOf('\n', at + 1)) {
    if (text.charCodeAt(at + 1) !== 35 /* # */) rows++;
  }
  if (!text.startsWith(`# ${SNAPSHOT_FORMAT}\n`) || rows !== manifest.sources) {
    return fail('malformed-list', `not a ${SNAPSHOT_FORMAT} list of ${manifest.sources} sources (${rows} rows)`);
  }
  return { ok: true, value: text };
}

function isOlderThan(version: string, minimum: string): boolean {
  const a = version.split('.').map(Number);
  const b = minimum.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
}

export async function fetchListUpdate(request: UpdateRequest): Promise<ListUpdate> {
  const { channel, local } = request;
  const now = request.now ?? new Date();

  const manifestBody = await download(channel, MANIFEST_PATH, { max: MAX_MANIFEST_BYTES });
  if (!manifestBody.ok) return { outcome: 'failed', reason: manifestBody.reason, detail: manifestBody.detail };
  const manifestText = decode(manifestBody.value, MANIFEST_PATH);
  if (!manifestText.ok) return { outcome: 'failed', reason: 'malformed-manifest', detail: manifestText.detail };
  const reading = await readManifest(manifestText.value, request.trustedKeys);
  if (!reading.ok) return { outcome: 'failed', reason: reading.reason, detail: reading.detail };
  const { manifest } = reading;

  const floor = Math.max(request.highestSeenVersion, local.version);
  if (manifest.version < floor) {
    return { outcome: 'failed', reason: 'rollback', detail: `version ${manifest.version} is older than version ${floor}, already seen` };
  }
  if (Date.parse(manifest.expires) <= now.getTime()) {
    return { outcome: 'failed', reason: 'expired', detail: `manifest of version ${manifest.version} expired on ${manifest.expires}` };
  }
  if (isOlderThan(request.clientVersion, manifest.minClientVersion)) {
    return { outcome: 'failed', reason: 'client-too-old', detail: `needs version ${manifest.minClientVersion} of the extension` };
  }
  if (manifest.version === local.version && (await sha256Hex(local.text)) === manifest.snapshot.sha256) {
    return { outcome: 'current', manifest };
  }

  let deltaFailure: string | undefined;
  const delta = manifest.version > local.version ? manifest.deltas.find((entry) => entry.from === local.version) : undefined;
  if (delta !== undefined) {
    const body = await downloadVerified(channel, delta);
    const applied = body.ok ? applyDelta(local.text, body.value, local.version, manifest.version) : null;
    const checked = applied?.ok ? await checkList(applied.text, manifest) : null;
    if (checked?.ok) return { outcome: 'updated', list: { version: manifest.version, text: checked.value }, manifest, via: 'delta' };
    deltaFailure = !body.ok ? body.detail : applied !== null && !applied.ok ? applied.reason : checked !== null && !checked.ok ? checked.detail : 'unknown';
  }

  const snapshot = await downloadVerified(channel, manifest.snapshot);
  if (!snapshot.ok) return { outcome: 'failed', reason: snapshot.reason, detail: snapshot.detail };
  const checked = await checkList(snapshot.value, manifest);
  if (!checked.ok) return { outcome: 'failed', reason: checked.reason, detail: checked.detail };
  return {
    outcome: 'updated',
    list: { version: manifest.version, text: checked.value },
    manifest,
    via: 'snapshot',
    ...(deltaFailure === undefined ? {} : { deltaFailure }),
  };
}
