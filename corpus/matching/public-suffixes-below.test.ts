import { describe, expect, it } from 'vitest';
import { createMatcher } from '../matcher.ts';
import { makeSource } from '../testing/make-source.ts';
import { encodeCompactList } from './compact-list-encoder.ts';
import { compactMatcher } from './compact-matcher.ts';
import { publicSuffixesBelow } from './public-suffixes-below.ts';

describe('the Public Suffix List rules below a hostname', () => {
  it('finds the explicit and wildcard rules below a registrable domain, and none below an ordinary one', () => {
    const amazon = publicSuffixesBelow('amazonaws.com');
    expect(amazon.suffixes).toEqual(expect.arrayContaining(['s3.amazonaws.com', 'elb.amazonaws.com']));
    expect(amazon.wildcards.length).toBeGreaterThan(10);
    expect(publicSuffixesBelow('ck').wildcards).toEqual(['ck']);
    expect(publicSuffixesBelow('ac-lyon.fr')).toEqual({ suffixes: [], wildcards: [] });
    expect(publicSuffixesBelow('service-public.fr')).toEqual({ suffixes: [], wildcards: [] });
  });
});

describe('the compact list carries what the PSL says below its sources', () => {
  const sources = [makeSource('amazonaws.com', { scope: 'subdomains' }), makeSource('www.ck', { scope: 'subdomains' }), makeSource('ain.gouv.fr', { scope: 'subdomains' })];
  const compact = compactMatcher(encodeCompactList(sources));
  const full = createMatcher(sources);
  const below = publicSuffixesBelow('amazonaws.com');

  it('stops trust at every public suffix below a source, as the matcher over the full list does with the PSL itself', () => {
    const urls = [
      'https://amazonaws.com/',
      'https://www.amazonaws.com/',
      'https://console.aws.amazonaws.com/',
      'https://www.ck/',
      'https://x.www.ck/',
      'https://demarches.ain.gouv.fr/',
      ...below.suffixes.flatMap((suffix) => [`https://${suffix}/`, `https://bucket.${suffix}/`, `https://www.${suffix}/`]),
      ...below.wildcards.flatMap((wildcard) => [`https://${wildcard}/`, `https://x.${wildcard}/`, `https://y.x.${wildcard}/`]),
    ];
    const differing = urls.filter((url) => (compact.match(url)?.host ?? null) !== (full.match(url)?.host ?? null));
    expect(differing).toEqual([]);
    expect(urls.length).toBeGreaterThan(1500);
  });

  it('trusts the source and its own subdomains, not its tenants', () => {
    for (const matcher of [compact, full]) {
      expect(matcher.match('https://amazonaws.com/')?.host).toBe('amazonaws.com');
      expect(matcher.match('https://console.aws.amazonaws.com/')?.host).toBe('amazonaws.com');
      expect(matcher.match('https://s3.amazonaws.com/')).toBeNull();
      expect(matcher.match('https://mon-site.s3.amazonaws.com/')).toBeNull();
      expect(matcher.match('https://x.us-west-2.rds.amazonaws.com/')).toBeNull();
    }
  });
});
