import { describe, expect, it } from 'vitest';
import { BUNDLED_COMPACT } from '../list/bundled-compact.ts';
import { matchTargets, matchUrl } from './list-matching.ts';
import { parseMatchResponse, parseRequest } from './messages.ts';

describe('matching in the extension', () => {
  const bundled = { bundled: BUNDLED_COMPACT, patch: null };

  it('gives the source of each target, in order, from the list compiled in', () => {
    const matched = matchTargets(['https://www.ain.gouv.fr/demarches', 'https://evil-ain.fr/', 'https://www.bing.com/ck/a?u=a1x', 'http://demarches.ain.gouv.fr/x'], bundled);
    expect(matched[0]).toEqual({ host: 'ain.gouv.fr', category: 'prefecture', name: expect.any(String) });
    expect(matched.slice(1, 3)).toEqual([null, null]);
    expect(matched[3]).toEqual(matched[0]);
    expect(matchUrl('https://www.service-public.fr/', bundled)).toMatchObject({ host: 'service-public.fr' });
    expect(matchUrl('https://service-public.fr.evil.example/', bundled)).toBeNull();
  });
});

describe('messages between the popup and the background', () => {
  it('accepts well-formed requests only', () => {
    expect(parseRequest({ type: 'match', targets: ['https://a.fr/'] })).toEqual({ type: 'match', targets: ['https://a.fr/'] });
    expect(parseRequest({ type: 'match', targets: [42] })).toBeNull();
    expect(parseRequest({ type: 'match', targets: Array(501).fill('x') })).toBeNull();
    expect(parseRequest({ type: 'warm-up' })).toBeNull();
    expect(parseRequest({ type: 'drop-tables' })).toBeNull();
    expect(parseRequest('match')).toBeNull();
  });

  it('checks an answer before a badge is drawn from it', () => {
    const source = { host: 'ain.gouv.fr', category: 'prefecture', name: 'Préfecture de l’Ain' };
    expect(parseMatchResponse([source, null], 2)).toEqual([source, null]);
    expect(parseMatchResponse([source], 2)).toBeNull();
    expect(parseMatchResponse([{ ...source, category: 'bank' }], 1)).toBeNull();
    expect(parseMatchResponse('nope', 1)).toBeNull();
  });
});
