import { afterEach, describe, expect, it } from 'vitest';
import { readSeedCorpus } from '../../corpus/node/seed-corpus-file.ts';
import { BUCKETS, bucketScript, bucketsOfHost, bucketsOfHosts, MAX_BUCKETS_SET, mayHaveChanged, signalledBuckets } from './changed-host-buckets.ts';

const CHANGED = ['chu-lyon.fr', 'scienceinsights.org', 'mairie.squatte.fr'];

afterEach(() => {
  delete (globalThis as Record<string, unknown>).sdcChangedHostBuckets;
});

describe('the changed-hostname filter', () => {
  const buckets = new Set(bucketsOfHosts(CHANGED));

  it('says "may have changed" for every link of a changed hostname and of its subdomains', () => {
    for (const host of CHANGED) {
      expect(bucketsOfHost(host).every((bucket) => bucket >= 0 && bucket < BUCKETS && Number.isInteger(bucket))).toBe(true);
      for (const link of [host, `www.${host}`, `a.b.${host}`]) expect(mayHaveChanged(link, buckets), link).toBe(true);
    }
    // A parent of a changed hostname is not changed by it.
    expect(mayHaveChanged('squatte.fr', buckets)).toBe(false);
  });

  it('says it for few other hostnames: under 1 % of the seed corpus with 30 hostnames changed', () => {
    const hosts = [...new Set(readSeedCorpus().sources.map((source) => source.host))];
    const changed = hosts.filter((_, i) => i % 1000 === 0).slice(0, 30);
    const set = new Set(bucketsOfHosts(changed));
    const others = hosts.filter((host) => !changed.some((one) => host === one || host.endsWith(`.${one}`)));
    const flagged = others.filter((host) => mayHaveChanged(`www.${host}`, set));
    expect(flagged.length / others.length).toBeLessThan(0.01);
  });

  it('is not used when it would hold more buckets than MAX_BUCKETS_SET', () => {
    const many = Array.from({ length: MAX_BUCKETS_SET }, (_, i) => `commune-${i}.fr`);
    expect(bucketsOfHosts(many.slice(0, 20))).not.toBeNull();
    expect(bucketsOfHosts(many)).toBeNull();
  });

  it('reaches the page through the packaged scripts of its buckets', () => {
    expect(signalledBuckets()).toBeNull();
    for (const bucket of bucketsOfHosts(CHANGED) ?? []) new Function(bucketScript(bucket))();
    expect(signalledBuckets()).toEqual(buckets);
    expect(mayHaveChanged('www.chu-lyon.fr', signalledBuckets()!)).toBe(true);
  });
});
