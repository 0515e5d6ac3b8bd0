/** Temporary passwords an administrator reads out or passes on: random, easy to type, replaced at the first sign-in. */
import { randomInt } from 'node:crypto';
import { passwordProblem } from './password.ts';

/** No 0/o, 1/l/i: read aloud or copied by hand without doubt. 31 symbols, 16 of them: about 79 bits. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function temporaryPassword(): string {
  for (;;) {
    const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
    const password = [0, 4, 8, 12].map((start) => chars.slice(start, start + 4).join('')).join('-');
    // A random draw is never trivial nor common in practice; the rules still have the last word.
    if (passwordProblem(password) === null) return password;
  }
}
