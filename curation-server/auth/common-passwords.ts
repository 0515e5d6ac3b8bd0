/**
 * The common passwords refused when a password is set: common-passwords.txt beside this file
 * (where the list comes from is said at its top). Read once, on first use.
 */
import { readFileSync } from 'node:fs';

let list: readonly string[] | undefined;
let set: ReadonlySet<string> | undefined;

/** The entries of the shipped list, in its order (lowercase, no spaces). */
export function commonPasswordList(): readonly string[] {
  list ??= readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  return list;
}

/** Whether a password is one of the list, compared without case or spaces ("Mot de passe 123" is "motdepasse123"). */
export function isCommonPassword(password: string): boolean {
  set ??= new Set(commonPasswordList());
  return set.has(password.normalize('NFC').toLowerCase().replace(/\s+/gu, ''));
}
