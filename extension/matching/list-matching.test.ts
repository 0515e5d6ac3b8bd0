import { describe, expect, it } from 'vitest';
import { clientSources, serializeCorpusText } from '../../corpus/corpus-text.ts';
import { readSeedCorpus } from '../../corpus/node/seed-corpus-file.ts';
import { createMatchService } from './match-service.ts';
import { parseMatchResponse, parseRequest } from './messages.ts';

const clientText = serializeCorpusText(clientSources(readSeedCorpus().sources), ['credit']);

describe('match service', () => {
  it('builds the matcher once, from the list, on first need', async () => {
    let reads = 0;
    const service = createMatchService(async () => {
      reads++;
      return clientText;
    });
    expect(reads).toBe(0);
    await Promise.all([service.warmUp(), service.warmUp()]);
    const matched = await service.matchTargets(['https://www.ain.gouv.fr/demarches', 'https://evil-ain.fr/', 'https://www.bing.com/ck/a?u=a1x']);
    expect(reads).toBe(1);
    expect(matched[0]).toMatchObject({ host: 'ain.gouv.fr', category: 'prefecture' });
    expect(matched.slice(1)).toEqual([null, null]);
  });

  it('tries the list again after a failed read', async () => {
    let attempt = 0;
    const service = createMatchService(async () => {
      attempt++;
      if (attempt === 1) throw new Error('not yet');
      return clientText;
    });
    await expect(service.warmUp()).rejects.toThrow('not yet');
    expect(await service.matchUrl('https://www.service-public.fr/')).toMatchObject({ host: 'service-public.fr' });
  });
});

describe('messages between content scripts and the background', () => {
  it('accepts well-formed requests only', () => {
    expect(parseRequest({ type: 'warm-up' })).toEqual({ type: 'warm-up' });
    expect(parseRequest({ type: 'match', targets: ['https://a.fr/'] })).toEqual({ type: 'match', targets: ['https://a.fr/'] });
    expect(parseRequest({ type: 'match', targets: [42] })).toBeNull();
    expect(parseRequest({ type: 'match', targets: Array(501).fill('x') })).toBeNull();
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
