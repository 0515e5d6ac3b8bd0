/**
 * Password hashing with scrypt (memory-hard, in node:crypto). The stored form carries its own
 * parameters, so they can be raised later without invalidating existing accounts:
 * `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>` (base64url).
 */
import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';
import { isCommonPassword } from './common-passwords.ts';

const LOG2_N = 15; // N = 32768, r = 8: 32 MiB and tens of milliseconds per attempt
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase; the bound keeps a hostile request from feeding megabytes to scrypt. */
export const PASSWORD_MAX_LENGTH = 1024;

function derive(password: string, salt: Buffer, options: ScryptOptions & { N: number; r: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem above the 128·N·r bytes scrypt needs (Node's default, 32 MiB, is exactly at the limit).
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem: 256 * options.N * options.r }, (error, key) =>
      error === null ? resolve(key) : reject(error),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N: 2 ** LOG2_N, r: R, p: P });
  return ['scrypt', LOG2_N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, log2N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: 2 ** Number(log2N), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a password nobody has, to spend the same time on unknown accounts as on known ones. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}

export type PasswordProblem = 'too-short' | 'too-long' | 'blank' | 'trivial' | 'common';

/**
 * Why a new password is refused, or null. Length is not enough: twelve spaces or "abcabcabcabc"
 * are guessed at once, and so are the passwords everyone uses (common-passwords.txt). The
 * reasons are told apart so that the message can say what to change.
 */
export function passwordProblem(password: string): PasswordProblem | null {
  if (password.length > PASSWORD_MAX_LENGTH) return 'too-long';
  if (password.trim() === '') return 'blank';
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'too-short';
  if (isTrivial(password)) return 'trivial';
  if (isCommonPassword(password)) return 'common';
  return null;
}

/** A unit repeated ("aaaa…", "abcabc…"), three characters or fewer in all, or a straight run ("abcdef…", "98765…"); case and spaces aside. */
function isTrivial(password: string): boolean {
  const chars = [...password.normalize('NFC').toLowerCase().replace(/\s+/gu, '')];
  if (new Set(chars).size <= 3) return true;
  if (/^(.+?)\1+$/su.test(chars.join(''))) return true;
  const steps = chars.slice(1).map((char, index) => (char.codePointAt(0) ?? 0) - (chars[index].codePointAt(0) ?? 0));
  return steps.every((step) => step === steps[0] && Math.abs(step) === 1);
}
