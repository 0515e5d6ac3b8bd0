import { describe, expect, it } from 'vitest';
import { commonPasswordList } from './common-passwords.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('verifies the right password only, with a fresh salt each time', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).toMatch(/^scrypt\$15\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('horse');
    expect(await verifyPassword('correct horse battery staple', first)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', first)).toBe(false);
    expect(await verifyPassword('correct horse battery staple', 'bcrypt$whatever')).toBe(false);
  });

  it('asks for twelve characters or more', () => {
    expect(passwordProblem('short')).toBe('too-short');
    expect(passwordProblem('éléphant été')).toBeNull();
    expect(passwordProblem('x'.repeat(2000))).toBe('too-long');
  });

  it('refuses blank passwords, repetitions and straight runs, whatever their length', () => {
    expect(passwordProblem(' '.repeat(12))).toBe('blank');
    expect(passwordProblem('\t \u00a0'.repeat(8))).toBe('blank');
    expect(passwordProblem('')).toBe('blank');
    for (const trivial of ['aaaaaaaaaaaa', 'abcabcabcabc', 'AbcAbc AbcAbc', 'é'.repeat(12), 'passwordpassword', 'aaaabbbbcccc', 'abcdefghijklm', 'zyxwvutsrqpo', 'MNOPQRSTUVWX']) {
      expect([trivial, passwordProblem(trivial)]).toEqual([trivial, 'trivial']);
    }
  });

  it('refuses the most common passwords of twelve characters or more, whatever their case and spaces', () => {
    for (const common of ['qwerty123456', 'QWERTY123456', '1q2w3e4r5t6y', 'azertyuiop123', 'Mot de passe 123', 'password1234', 'administrator']) {
      expect([common, passwordProblem(common)]).toEqual([common, 'common']);
    }
    for (const fine of ['correct horse battery staple', 'une phrase de passe assez longue', 'Vélo rouge sous la pluie', 'qwerty123456 mais plus long']) {
      expect([fine, passwordProblem(fine)]).toEqual([fine, null]);
    }
  });

  it('ships a list of a few hundred common passwords, each of twelve characters or more, lowercase, without spaces', () => {
    const list = commonPasswordList();
    expect(list.length).toBeGreaterThan(300);
    for (const entry of list) expect(entry).toMatch(/^\S{12,}$/u);
    expect(list.filter((entry) => entry !== entry.toLowerCase())).toEqual([]);
    expect(new Set(list).size).toBe(list.length);
  });
});
