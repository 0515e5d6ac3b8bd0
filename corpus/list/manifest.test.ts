import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.ts';
import { manifestText, readManifest, type SignedManifest, signManifest } from './manifest.ts';
import { generateSigningKey, importSigningKey, type SigningKey } from './signing-keys.ts';

const newKey = async (): Promise<SigningKey> => importSigningKey((await generateSigningKey()).privateKeyPem);

const signed: SignedManifest = {
  type: 'sdc-manifest',
  spec: 1,
  version: 3,
  created: '2026-11-23T10:00:00.000Z',
  expires: '2026-11-30T10:00:00.000Z',
  minClientVersion: '0.1.0',
  sources: 2,
  snapshot: { path: 'snapshots/3.tsv', sha256: 'a'.repeat(64), length: 120 },
  deltas: [{ from: 2, path: 'deltas/2-3.tsv', sha256: 'b'.repeat(64), length: 40 }],
  keys: [],
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and adds no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'é', c: null }], e: true })).toBe('{"a":[{"c":null,"d":"é"}],"b":1,"e":true}');
  });
});

describe('signing keys', () => {
  it('derive the same id and public key from the private key file', async () => {
    const generated = await generateSigningKey();
    const imported = await importSigningKey(generated.privateKeyPem);
    expect(imported.publicKey).toEqual(generated.publicKey);
    expect(imported.keyId).toMatch(/^k[0-9a-f]{16}$/);
    await expect(importSigningKey('not a key')).rejects.toThrow('PKCS #8');
  });
});

describe('readManifest', () => {
  it('accepts a manifest signed by a trusted key, whatever the key order in the file', async () => {
    const key = await newKey();
    const text = manifestText(await signManifest(signed, [key]));
    const reordered = JSON.stringify(JSON.parse(text), null, 2).replace('"type": "sdc-manifest",', '"type": "sdc-manifest" ,');
    for (const variant of [text, reordered]) {
      expect(await readManifest(variant, [key.publicKey])).toEqual({ ok: true, manifest: signed, keyId: key.keyId });
    }
  });

  it('refuses a manifest with any byte of its signed part changed', async () => {
    const key = await newKey();
    const text = manifestText(await signManifest(signed, [key]));
    const tampered = [text.replace('"version":3', '"version":4'), text.replace('a'.repeat(64), `b${'a'.repeat(63)}`), text.replace('2026-11-30', '2027-11-30')];
    for (const variant of tampered) {
      expect(variant).not.toBe(text);
      expect(await readManifest(variant, [key.publicKey])).toMatchObject({ ok: false, reason: 'bad-signature' });
    }
  });

  it('refuses a manifest signed by a key that is not trusted', async () => {
    const [key, other] = [await newKey(), await newKey()];
    const text = manifestText(await signManifest(signed, [other]));
    expect(await readManifest(text, [key.publicKey])).toMatchObject({ ok: false, reason: 'bad-signature' });
    // A key record whose id does not match its key is not trusted either.
    const forged = { ...other.publicKey, keyId: key.keyId };
    const relabelled = text.replace(other.keyId, key.keyId);
    expect(await readManifest(relabelled, [forged])).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('accepts any trusted signature among several (key rotation)', async () => {
    const [oldKey, newer] = [await newKey(), await newKey()];
    const text = manifestText(await signManifest({ ...signed, keys: [newer.publicKey] }, [oldKey, newer]));
    expect(await readManifest(text, [oldKey.publicKey])).toMatchObject({ ok: true, keyId: oldKey.keyId });
    expect(await readManifest(text, [newer.publicKey])).toMatchObject({ ok: true, keyId: newer.keyId });
  });

  it('refuses what is not a manifest, and a signed one whose fields are wrong', async () => {
    const key = await newKey();
    for (const text of ['', 'null', '[]', '{"signed":{}}', 'x'.repeat(70_000)]) {
      expect(await readManifest(text, [key.publicKey])).toMatchObject({ ok: false, reason: 'malformed-manifest' });
    }
    const badPath = manifestText(await signManifest({ ...signed, snapshot: { ...signed.snapshot, path: '../etc/passwd' } }, [key]));
    expect(await readManifest(badPath, [key.publicKey])).toMatchObject({ ok: false, reason: 'malformed-manifest', detail: expect.stringContaining('snapshot.path') });
  });
});
