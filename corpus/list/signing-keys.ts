/**
 * The keys that sign list manifests: ECDSA P-256 with SHA-256, through the Web Crypto API.
 *
 * Why this algorithm: the extension must verify on the browsers found on public computers —
 * Chrome/Edge ≥ 109 and Firefox ESR ≥ 115. Ed25519 only arrived in Web Crypto in recent releases
 * (Chrome 137, Firefox 129); ECDSA P-256 is in all of them, and in Node. No crypto is written here:
 * Web Crypto signs and verifies.
 *
 * A key is known by its id: `k` and the first 16 hex digits of the SHA-256 of its public key (SPKI).
 * Private keys live in PEM files (PKCS #8) outside the database and git; public keys travel as
 * `PublicKeyRecord`s (in the extension build, in managed policy, in manifests announcing a rotation).
 */
import { fromBase64, sha256Hex, toBase64 } from './digest.ts';

export const KEY_ALGORITHM = 'ECDSA-P256-SHA256';
const IMPORT_PARAMS = { name: 'ECDSA', namedCurve: 'P-256' } as const;
export const SIGN_PARAMS = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface PublicKeyRecord {
  keyId: string;
  algorithm: typeof KEY_ALGORITHM;
  /** DER SubjectPublicKeyInfo, base64. */
  publicKey: string;
}

export interface SigningKey {
  keyId: string;
  privateKey: CryptoKey;
  publicKey: PublicKeyRecord;
}

export async function keyIdOf(spki: Uint8Array): Promise<string> {
  return `k${(await sha256Hex(spki)).slice(0, 16)}`;
}

async function publicRecordOf(publicKey: CryptoKey): Promise<PublicKeyRecord> {
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
  return { keyId: await keyIdOf(spki), algorithm: KEY_ALGORITHM, publicKey: toBase64(spki) };
}

function pemOf(der: Uint8Array, label: string): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** A new key pair: the private key as PKCS #8 PEM (to write with mode 0600), the public record to share. */
export async function generateSigningKey(): Promise<{ privateKeyPem: string; publicKey: PublicKeyRecord }> {
  const pair = (await crypto.subtle.generateKey(IMPORT_PARAMS, true, ['sign', 'verify'])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  return { privateKeyPem: pemOf(pkcs8, 'PRIVATE KEY'), publicKey: await publicRecordOf(pair.publicKey) };
}

/** Reads a PKCS #8 PEM private key; its public half (and so its id) is derived from it. */
export async function importSigningKey(pem: string): Promise<SigningKey> {
  const body = /-----BEGIN PRIVATE KEY-----([\s\S]+?)-----END PRIVATE KEY-----/.exec(pem)?.[1].replace(/\s+/g, '');
  const der = body === undefined ? null : fromBase64(body);
  if (der === null) throw new Error('not a PKCS #8 PEM private key');
  const extractable = await crypto.subtle.importKey('pkcs8', der as Uint8Array<ArrayBuffer>, IMPORT_PARAMS, true, ['sign']);
  const { d: _private, key_ops: _ops, ...publicJwk } = await crypto.subtle.exportKey('jwk', extractable);
  const publicKey = await crypto.subtle.importKey('jwk', { ...publicJwk, key_ops: ['verify'] }, IMPORT_PARAMS, true, ['verify']);
  const privateKey = await crypto.subtle.importKey('pkcs8', der as Uint8Array<ArrayBuffer>, IMPORT_PARAMS, false, ['sign']);
  const record = await publicRecordOf(publicKey);
  return { keyId: record.keyId, privateKey, publicKey: record };
}

/** A public key ready to verify, or null when the record is not a P-256 public key with the id it claims. */
export async function importPublicKey(record: PublicKeyRecord): Promise<CryptoKey | null> {
  const spki = record.algorithm === KEY_ALGORITHM ? fromBase64(record.publicKey) : null;
  if (spki === null || (await keyIdOf(spki)) !== record.keyId) return null;
  try {
    return await crypto.subtle.importKey('spki', spki as Uint8Array<ArrayBuffer>, IMPORT_PARAMS, false, ['verify']);
  } catch {
    return null;
  }
}

export function isPublicKeyRecord(value: unknown): value is PublicKeyRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.keyId === 'string' &&
    /^k[0-9a-f]{16}$/.test(record.keyId) &&
    record.algorithm === KEY_ALGORITHM &&
    typeof record.publicKey === 'string' &&
    record.publicKey.length < 512
  );
}
