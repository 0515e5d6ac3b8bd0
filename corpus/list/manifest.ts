/**
 * The signed manifest of a published list (after The Update Framework's timestamp/snapshot roles):
 * which version is current, until when it may be trusted, and the SHA-256 and length of the
 * snapshot and of each delta that leads to it. Clients download nothing before it verifies.
 *
 * The file is JSON: `{ "signed": {…}, "signatures": [{ "keyId", "signature" }] }`. Each signature
 * is ECDSA P-256 / SHA-256 (P1363 r‖s, base64) over the canonical JSON of `signed`, so several
 * keys can sign the same manifest during a rotation.
 */
import * as z from 'zod/mini';
import { canonicalJson, type Json } from './canonical-json.ts';
import { fromBase64, toBase64, utf8 } from './digest.ts';
import { importPublicKey, isPublicKeyRecord, type PublicKeyRecord, SIGN_PARAMS, type SigningKey } from './signing-keys.ts';

export const MANIFEST_TYPE = 'sdc-manifest';
export const MANIFEST_SPEC = 1;
/** No manifest is larger; a bigger answer is refused before it is parsed. */
export const MAX_MANIFEST_BYTES = 64 * 1024;

const RELATIVE_PATH = /^(?:[a-z0-9][a-z0-9._-]*\/)*[a-z0-9][a-z0-9._-]*$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const isoDate = z.string().check(z.refine((text) => /^\d{4}-\d\d-\d\dT/.test(text) && Number.isFinite(Date.parse(text))));
const fileEntry = {
  path: z.string().check(z.regex(RELATIVE_PATH), z.maxLength(200)),
  sha256: z.string().check(z.regex(SHA256_HEX)),
  length: z.int().check(z.gte(0), z.lte(256 * 1024 * 1024)),
};

const signedSchema = z.object({
  type: z.literal(MANIFEST_TYPE),
  spec: z.literal(MANIFEST_SPEC),
  version: z.int().check(z.gte(1)),
  created: isoDate,
  expires: isoDate,
  minClientVersion: z.string().check(z.regex(/^\d{1,4}\.\d{1,4}\.\d{1,4}$/)),
  sources: z.int().check(z.gte(0)),
  snapshot: z.object(fileEntry),
  deltas: z.array(z.object({ from: z.int().check(z.gte(0)), ...fileEntry })).check(z.maxLength(100)),
  /** The shortest interval, in minutes, between two checks of a client (the server raises it under load). */
  minCheckMinutes: z.optional(z.int().check(z.gte(0), z.lte(7 * 24 * 60))),
  /**
   * The search engines' definitions the extensions read (extension/engines/engine-definitions-schema.ts),
   * when the channel publishes some: a layout fix reaches every installed extension with the list.
   */
  engines: z.optional(z.object(fileEntry)),
  /** Keys announced for a rotation: clients that verified this manifest may trust them from now on. */
  keys: z.array(z.custom<PublicKeyRecord>(isPublicKeyRecord)).check(z.maxLength(8)),
});

export type SignedManifest = z.infer<typeof signedSchema>;

export interface ManifestSignature {
  keyId: string;
  signature: string;
}

export interface ManifestEnvelope {
  signed: SignedManifest;
  signatures: ManifestSignature[];
}

export async function signManifest(signed: SignedManifest, keys: readonly SigningKey[]): Promise<ManifestEnvelope> {
  if (keys.length === 0) throw new Error('a manifest needs at least one signing key');
  const message = utf8(canonicalJson(signed as unknown as Json));
  const signatures = await Promise.all(
    keys.map(async (key) => ({
      keyId: key.keyId,
      signature: toBase64(new Uint8Array(await crypto.subtle.sign(SIGN_PARAMS, key.privateKey, message as Uint8Array<ArrayBuffer>))),
    })),
  );
  return { signed, signatures };
}

/** The manifest file: canonical JSON, so that the same manifest is always the same bytes. */
export function manifestText(envelope: ManifestEnvelope): string {
  return `${canonicalJson(envelope as unknown as Json)}\n`;
}

export type ManifestReading =
  | { ok: true; manifest: SignedManifest; keyId: string }
  | { ok: false; reason: 'malformed-manifest' | 'bad-signature'; detail: string };

/**
 * Reads a manifest file and checks that one of its signatures is from a trusted key and verifies.
 * The signature is checked over the `signed` object exactly as received, before its fields are read.
 */
export async function readManifest(text: string, trustedKeys: readonly PublicKeyRecord[]): Promise<ManifestReading> {
  if (utf8(text).length > MAX_MANIFEST_BYTES) return { ok: false, reason: 'malformed-manifest', detail: 'manifest too large' };
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'malformed-manifest', detail: 'not JSON' };
  }
  if (typeof envelope !== 'object' || envelope === null) return { ok: false, reason: 'malformed-manifest', detail: 'not an object' };
  const { signed, signatures } = envelope as { signed?: unknown; signatures?: unknown };
  if (typeof signed !== 'object' || signed === null || !Array.isArray(signatures)) {
    return { ok: false, reason: 'malformed-manifest', detail: 'no signed part or signatures' };
  }

  const message = utf8(canonicalJson(signed as Json));
  let verifiedBy: string | null = null;
  for (const entry of signatures.slice(0, 8)) {
    const { keyId, signature } = (entry ?? {}) as { keyId?: unknown; signature?: unknown };
    const trusted = trustedKeys.find((key) => key.keyId === keyId);
    const bytes = typeof signature === 'string' ? fromBase64(signature) : null;
    if (trusted === undefined || bytes === null) continue;
    const publicKey = await importPublicKey(trusted);
    if (publicKey === null) continue;
    const valid = await crypto.subtle.verify(SIGN_PARAMS, publicKey, bytes as Uint8Array<ArrayBuffer>, message as Uint8Array<ArrayBuffer>);
    if (valid) {
      verifiedBy = trusted.keyId;
      break;
    }
  }
  if (verifiedBy === null) return { ok: false, reason: 'bad-signature', detail: 'no valid signature from a trusted key' };

  const parsed = signedSchema.safeParse(signed);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: 'malformed-manifest', detail: `${issue.path.join('.')}: ${issue.code}` };
  }
  return { ok: true, manifest: parsed.data, keyId: verifiedBy };
}
