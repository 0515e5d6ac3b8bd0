import { describe, expect, it } from 'vitest';
import { readPastedAddress, withUnderstoodAddress } from './pasted-address.ts';

const fields = (host: string, scope = 'host', path = '') => ({ host, scope, path });

describe('readPastedAddress', () => {
  it('reads the hostname out of an address copied from the browser', () => {
    expect(readPastedAddress(fields(' https://www.Mairie-X.fr/accueil '))).toEqual({
      kind: 'address',
      pasted: 'https://www.Mairie-X.fr/accueil',
      host: 'mairie-x.fr',
      path: '',
      droppedPath: '/accueil',
    });
    expect(readPastedAddress(fields('mairie-x.fr/contact?x=1#haut'))).toMatchObject({ host: 'mairie-x.fr', droppedPath: '/contact' });
    expect(readPastedAddress(fields('HTTP://mairie-x.fr'))).toMatchObject({ kind: 'address', host: 'mairie-x.fr', droppedPath: '' });
    expect(readPastedAddress(fields('https://mairie-égletons.fr/'))).toMatchObject({ host: 'xn--mairie-gletons-hkb.fr' });
  });

  it('takes the path of the address with the path scope, unless one was typed in its field', () => {
    expect(readPastedAddress(fields('https://sites.google.com/site/mairiedex/accueil/', 'path'))).toMatchObject({ host: 'sites.google.com', path: '/site/mairiedex/accueil', droppedPath: '' });
    expect(readPastedAddress(fields('https://sites.google.com/site/mairiedex/accueil', 'path', '/site/mairiedex'))).toMatchObject({ path: '/site/mairiedex' });
  });

  it('leaves plain hostnames, and addresses it should not guess at, to the validation', () => {
    for (const host of ['mairie-x.fr', 'WWW.Mairie-X.fr', 'mairie-égletons.fr', '', 'ftp://mairie-x.fr/a', 'https://mairie-x.fr:8080/', 'https://user:pw@mairie-x.fr/', 'https://mairie x.fr/', 'https:///accueil', 'https://10.0.0.1/']) {
      expect(readPastedAddress(fields(host)), host).toEqual({ kind: 'hostname' });
    }
  });

  it('replaces the pasted address by what was understood', () => {
    const typed = { ...fields('https://www.mairie-x.fr/accueil', 'host'), category: 'commune' };
    expect(withUnderstoodAddress(typed, readPastedAddress(typed))).toEqual({ host: 'mairie-x.fr', scope: 'host', path: '', category: 'commune' });
    const plain = fields('mairie-x.fr');
    expect(withUnderstoodAddress(plain, readPastedAddress(plain))).toBe(plain);
  });
});
