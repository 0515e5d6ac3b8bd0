import compact from 'virtual:sdc-bundled-list/compact';
import meta from 'virtual:sdc-bundled-list/meta';
import { describe, expect, it } from 'vitest';
import { clientSources, serializeCorpusText } from '../../corpus/corpus-text.ts';
import { DATA_CREDIT } from '../../corpus/credit.ts';
import { compactMatcher, loadMatcher } from '../../corpus/matcher.ts';
import { compactListComments } from '../../corpus/matching/compact-list.ts';
import { readSeedCorpus } from '../../corpus/node/seed-corpus-file.ts';
import channel from 'virtual:sdc-bundled-list/channel';
import { BUNDLED_COMPACT } from './bundled-compact.ts';
import { BUNDLED_META } from './current-list.ts';
import { compactListLiteral } from './bundled-list-module.ts';

describe('the list compiled into the extension', () => {
  const client = clientSources(readSeedCorpus().sources);

  // Every source of the seed corpus, both ways: thorough rather than quick.
  it('holds every active source of the seed corpus, found as the hashed index of the client text finds it', { timeout: 30_000 }, () => {
    const fromCompact = compactMatcher(compact);
    const hashed = loadMatcher(serializeCorpusText(client)).matcher;
    const key = (url: string, matched: ReturnType<typeof hashed.match>) => (matched === null ? `${url} none` : `${url} ${matched.host}${matched.path} ${matched.scope} ${matched.category} ${matched.name}`);
    const urls = client.map((source) => `https://${source.host}${source.path}`);
    expect(urls.filter((url) => key(url, fromCompact.match(url)) !== key(url, hashed.match(url)))).toEqual([]);
    expect(urls.every((url) => fromCompact.match(url) !== null)).toBe(true);
    expect(fromCompact.match('https://www.service-public.fr/')?.host).toBe('service-public.fr');
  });

  it('is small: less than a third of the corpus text it stands for (the organisations\' names are most of the rest), and ASCII', () => {
    expect(compact.length).toBeLessThan(serializeCorpusText(client).length / 3);
    expect(/^[\x00-\x7e]*$/.test(compact)).toBe(true);
  });

  it('carries the Licence Ouverte credit in its header, in French and English', () => {
    expect(compactListComments(compact).slice(0, 2)).toEqual([DATA_CREDIT.fr, DATA_CREDIT.en]);
    expect(compact).toContain(DATA_CREDIT.licenceUrl);
  });

  it('is a published, signed version: the build published the seed as version 1 where there was none, and pins its key', () => {
    expect(meta).toMatchObject({ format: 'sdc-compact/2', version: 1, sourceCount: client.length });
    expect(meta.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(meta.snapshotSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(channel.mirrors).toEqual(['https://listes.example.test/v1/']);
    expect(channel.pinnedKeys).toHaveLength(1);
    expect(channel.pinnedKeys[0]).toMatchObject({ algorithm: 'ECDSA-P256-SHA256' });
  });

  it('is the bundled list the extension reads', () => {
    expect({ meta: BUNDLED_META, compact: BUNDLED_COMPACT }).toEqual({ meta, compact });
  });
});

describe('the compact list as a script writes it', () => {
  it('is one double-quoted ASCII string that reads back as the list, whatever characters the list holds', () => {
    const every = `${Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)).join('')}\u2028\u2029é«»`;
    for (const text of [every, compact]) {
      const literal = compactListLiteral(text);
      expect(literal).toMatch(/^"[\x00-\x7f]*"$/);
      expect(new Function(`return ${literal};`)()).toBe(text);
    }
  });
});
