import { describe, expect, it } from 'vitest';
import { isValidSourceId } from '../source-validation.ts';
import { makeSource, makeValidSource } from './make-source.ts';

describe('the test factory of sources', () => {
  it('builds a source as given, invalid ones included, for tests of refusals', () => {
    expect(makeSource('wordpress.com', { status: 'suspended' })).toMatchObject({ host: 'wordpress.com', scope: 'subdomains', status: 'suspended', category: 'commune' });
  });

  it('checks and normalizes like every write path, and refuses a fixture that would be refused', () => {
    expect(makeValidSource('WWW.Mairie-X.fr', { scope: 'host' })).toMatchObject({ host: 'mairie-x.fr', scope: 'host' });
    expect(() => makeValidSource('wordpress.com')).toThrow(/platform-home/);
  });

  it('gives every hostname, however long, a valid identifier', () => {
    const host = 'mediatheque-intercommunale-du-pays-de-la-haute-vallee.communaute-de-communes-exemple.fr';
    expect(isValidSourceId(makeSource(host).id)).toBe(true);
    expect(makeValidSource(host).host).toBe(host);
  });
});
