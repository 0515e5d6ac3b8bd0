import { describe, expect, it } from 'vitest';
import { isSameOrSubdomain, normalizeHostname } from './hostname.ts';

describe('normalizeHostname', () => {
  it('lowercases, converts IDN to punycode and drops one trailing dot', () => {
    expect(normalizeHostname('WWW.Ain.FR')).toBe('www.ain.fr');
    expect(normalizeHostname('houeillès.fr')).toBe('xn--houeills-70a.fr');
    expect(normalizeHostname('ain.fr.')).toBe('ain.fr');
    expect(normalizeHostname('  ain.fr ')).toBe('ain.fr');
  });

  it('refuses what is not a hostname', () => {
    for (const input of ['', 'fr', 'ain', 'ain.fr/x', 'http://ain.fr', 'ain.fr:80', 'user@ain.fr', 'a b.fr', 'mairie_blicourt.fr', '-ain.fr', 'ain-.fr', 'a..fr', '1.2.3.4', 'ain.fr..', `${'a'.repeat(64)}.fr`]) {
      expect(normalizeHostname(input), input).toBeNull();
    }
  });
});

describe('isSameOrSubdomain', () => {
  it('compares whole labels', () => {
    expect(isSameOrSubdomain('a.ain.fr', 'ain.fr')).toBe(true);
    expect(isSameOrSubdomain('ain.fr', 'ain.fr')).toBe(true);
    expect(isSameOrSubdomain('plain.fr', 'ain.fr')).toBe(false);
    expect(isSameOrSubdomain('fr', 'ain.fr')).toBe(false);
  });
});
