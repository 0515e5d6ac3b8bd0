import { describe, expect, it } from 'vitest';
import { parseCorpusText } from '../../corpus/corpus-text.ts';
import { DATA_CREDIT } from '../../corpus/credit.ts';
import { loadMatcher } from '../../corpus/matcher.ts';
import { bundledListFiles } from './bundled-list-files.ts';
import { BUNDLED_LIST_META_PATH, BUNDLED_LIST_TEXT_PATH, parseListMeta } from './list-meta.ts';

describe('the list bundled in the extension', () => {
  const files = Object.fromEntries(bundledListFiles().map((file) => [file.relativeDest, file.contents]));
  const text = files[BUNDLED_LIST_TEXT_PATH];
  const meta = parseListMeta(JSON.parse(files[BUNDLED_LIST_META_PATH]));

  it('is the client list: active sources only, no provenance, every line readable', () => {
    const parsed = parseCorpusText(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.sources.length).toBeGreaterThan(45_000);
    expect(parsed.sources.every((source) => source.status === 'active' && source.provenance === '')).toBe(true);
    expect(loadMatcher(text).matcher.match('https://www.service-public.fr/')?.host).toBe('service-public.fr');
  });

  it('carries the Licence Ouverte credit in its header, in French and English', () => {
    expect(text.startsWith(`# ${DATA_CREDIT.fr}\n# ${DATA_CREDIT.en}\n`)).toBe(true);
    expect(text).toContain(DATA_CREDIT.licenceUrl);
  });

  it('comes with its metadata: version 0 for the seed, a date, the number of sources', () => {
    expect(meta).toMatchObject({ format: 'sdc-corpus/1', version: 0, sourceCount: parseCorpusText(text).sources.length });
    expect(meta?.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses malformed metadata', () => {
    expect(parseListMeta({ ...meta, version: -1 })).toBeNull();
    expect(parseListMeta({ ...meta, createdAt: 'yesterday' })).toBeNull();
    expect(parseListMeta({ ...meta, format: 'other' })).toBeNull();
    expect(parseListMeta(null)).toBeNull();
  });
});
