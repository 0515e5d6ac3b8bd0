/**
 * Signing keys on disk (Node only). The private key is a PKCS #8 PEM file readable by its owner
 * only (mode 0600), never stored in the database, never logged; a key file that others can read is
 * refused. The public key is a small JSON record for the extension build and for managed policy.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateSigningKey, importSigningKey, isPublicKeyRecord, type PublicKeyRecord, type SigningKey } from '../list/signing-keys.ts';

export async function createKeyFiles(directory: string): Promise<{ keyId: string; privateKeyFile: string; publicKeyFile: string; publicKey: PublicKeyRecord }> {
  const { privateKeyPem, publicKey } = await generateSigningKey();
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const privateKeyFile = join(directory, `${publicKey.keyId}.private.pem`);
  const publicKeyFile = join(directory, `${publicKey.keyId}.public.json`);
  await writeFile(privateKeyFile, privateKeyPem, { mode: 0o600, flag: 'wx' });
  await chmod(privateKeyFile, 0o600); // whatever the umask
  await writeFile(publicKeyFile, `${JSON.stringify(publicKey, null, 2)}\n`, { flag: 'wx' });
  return { keyId: publicKey.keyId, privateKeyFile, publicKeyFile, publicKey };
}

export async function readSigningKeyFile(file: string): Promise<SigningKey> {
  const { mode } = await stat(file);
  if ((mode & 0o077) !== 0) {
    throw new Error(`${file} can be read by other users: run "chmod 600 ${file}" (private keys must stay private)`);
  }
  return importSigningKey(await readFile(file, 'utf8'));
}

export async function readPublicKeyFile(file: string): Promise<PublicKeyRecord> {
  const record: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!isPublicKeyRecord(record)) throw new Error(`${file} is not a public key record`);
  return record;
}

/** The signing keys kept in a directory (every `<id>.private.pem`), in key-id order. */
export async function readSigningKeyDirectory(directory: string): Promise<SigningKey[]> {
  if (!existsSync(directory)) return [];
  const files = (await readdir(directory)).filter((name) => name.endsWith('.private.pem')).sort();
  return Promise.all(files.map((name) => readSigningKeyFile(join(directory, name))));
}
