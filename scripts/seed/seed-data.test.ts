import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSeedCorpus } from './seed-corpus.ts';
import { readEtalabInput, UPSTREAM_DIRECTORY } from './etalab-input.ts';
import { CATEGORY_IDS } from '../../corpus/categories.ts';
import { parseCorpusText, serializeCorpusText } from '../../corpus/corpus-text.ts';
import { DATA_CREDIT } from '../../corpus/credit.ts';
import { readSeedCorpus, readSeedCorpusText, SEED_REJECTED_PATH } from '../../corpus/node/seed-corpus-file.ts';
import { platformAt } from '../../corpus/platforms.ts';
import { sourceKey } from '../../corpus/source.ts';
import { validateSource } from '../../corpus/source-validation.ts';

const text = readSeedCorpusText();
const { sources, comments } = readSeedCorpus();

describe('the committed seed corpus', () => {
  it('holds at least 35,000 active sources, each in a category', () => {
    const active = sources.filter((s) => s.status === 'active');
    expect(active.length).toBeGreaterThanOrEqual(35_000);
    expect(active.every((s) => CATEGORY_IDS.includes(s.category))).toBe(true);
  });

  it('passes the validation every write path applies, with unique ids and unique hostnames', () => {
    const invalid = sources.filter((source) => {
      const result = validateSource(source);
      return !result.ok || JSON.stringify(result.source) !== JSON.stringify(source);
    });
    expect(invalid.map((s) => s.host)).toEqual([]);
    expect(new Set(sources.map((s) => s.id)).size).toBe(sources.length);
    expect(new Set(sources.map(sourceKey)).size).toBe(sources.length);
  });

  it('is sorted and written canonically, with the data credit in its header', () => {
    expect(serializeCorpusText(sources, comments)).toBe(text);
    expect(comments).toContain(DATA_CREDIT.fr);
  });

  it('contains no platform homepage and no www. duplicate', () => {
    expect(sources.filter((s) => platformAt(s.host) !== undefined)).toEqual([]);
    const hosts = new Set(sources.map((s) => s.host));
    expect(sources.filter((s) => s.host.startsWith('www.') && hosts.has(s.host.slice(4)))).toEqual([]);
  });

  it('is exactly what the seed script builds from the upstream copy, rejections included', () => {
    const rebuilt = buildSeedCorpus(readEtalabInput(UPSTREAM_DIRECTORY));
    expect(serializeCorpusText(rebuilt.sources, comments)).toBe(text);
    const rejectedLines = readFileSync(SEED_REJECTED_PATH, 'utf8').split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    expect(rejectedLines).toEqual(rebuilt.rejected.map((r) => [r.host, r.reason, r.detail, r.lists].join('\t')));
    expect(parseCorpusText(text).errors).toEqual([]);
  }, 30_000);
});
