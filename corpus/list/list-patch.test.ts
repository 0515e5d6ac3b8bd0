import { describe, expect, it } from 'vitest';
import { CompactListIndex } from '../matching/compact-list.ts';
import { compactMatcher } from '../matching/compact-matcher.ts';
import { hostsChangedBy } from '../matching/patched-list-index.ts';
import { encodeCompactList } from '../matching/compact-list-encoder.ts';
import { readSeedCorpus } from '../node/seed-corpus-file.ts';
import type { Source } from '../source.ts';
import { makeSource } from '../testing/make-source.ts';
import { listPatch, patchedSnapshot } from './list-patch.ts';
import { snapshotText } from './snapshot.ts';

/** A hostname and each of its parents (`a.b.fr`, `b.fr`, `fr`). */
function hostLevels(host: string): string[] {
  const labels = host.split('.');
  return labels.map((_, i) => labels.slice(i).join('.'));
}

describe('listPatch', () => {
  const bundledSources = [
    makeSource('ain.fr', { category: 'departement', name: "Département de l'Ain" }),
    makeSource('squatte.fr', { name: 'Mairie de Squatte' }),
    makeSource('sites.google.com', { scope: 'path', path: '/site/mairie-a' }),
    makeSource('sites.google.com', { scope: 'path', path: '/site/mairie-b' }),
    makeSource('aisne.fr', { scope: 'host' }),
  ];
  const newerSources = [
    makeSource('ain.fr', { category: 'departement', name: "Conseil départemental de l'Ain" }), // renamed
    // squatte.fr withdrawn
    makeSource('sites.google.com', { scope: 'path', path: '/site/mairie-a' }),
    // /site/mairie-b withdrawn, same hostname
    makeSource('aisne.fr', { scope: 'host' }),
    makeSource('nouvelle.fr', { name: 'Mairie de Nouvelle' }), // added
  ];
  const bundled = { version: 3, text: snapshotText(bundledSources) };
  const newer = { version: 5, text: snapshotText(newerSources) };
  const patch = listPatch(bundled, newer, ['crédit']);
  const matcher = compactMatcher(encodeCompactList(bundledSources), patch.compact);

  it('makes the bundled list answer as the newer version: withdrawn, renamed and added sources', () => {
    expect(matcher.match('https://squatte.fr/')).toBeNull();
    expect(matcher.match('https://www.squatte.fr/actualites')).toBeNull();
    expect(matcher.match('https://sites.google.com/site/mairie-b/')).toBeNull();
    expect(matcher.match('https://sites.google.com/site/mairie-a/contact')?.path).toBe('/site/mairie-a');
    expect(matcher.match('https://ain.fr/')?.name).toBe("Conseil départemental de l'Ain");
    expect(matcher.match('https://nouvelle.fr/')?.name).toBe('Mairie de Nouvelle');
    expect(matcher.match('https://aisne.fr/')?.host).toBe('aisne.fr');
  });

  it('holds only the hostnames that changed, and rebuilds the newer snapshot byte for byte', () => {
    expect(patch.compact).toContain('#-ain.fr\x1fnouvelle.fr\x1fsites.google.com\x1fsquatte.fr\n');
    expect(patch.compact).not.toContain('aisne');
    expect(patchedSnapshot(bundled, 5, patch.fromBundled)).toEqual(newer);
    // A delta meant for another version or base does not fit.
    expect(patchedSnapshot(bundled, 4, patch.fromBundled)).toBeNull();
    expect(patchedSnapshot(newer, 5, patch.fromBundled)).toBeNull();
  });

  it('answers as the whole newer list on the seed corpus, after a thousand changes', { timeout: 60_000 }, () => {
    const seed = readSeedCorpus().sources.filter((source) => source.status === 'active');
    // Every 97th source withdrawn, every 89th renamed and made host-only, 300 added.
    const changed: Source[] = seed
      .filter((_, i) => i % 97 !== 0)
      .map((source, i) => (i % 89 === 0 ? { ...source, scope: 'host' as const, name: `${source.name} (nouveau)` } : source));
    changed.push(...Array.from({ length: 300 }, (_, i) => makeSource(`ajout-${i}.commune-exemple.fr`, { name: `Ajout ${i}` })));
    const seedList = { version: 1, text: snapshotText(seed) };
    const newerList = { version: 2, text: snapshotText(changed) };
    const seedPatch = listPatch(seedList, newerList, []);
    const patched = compactMatcher(encodeCompactList(seed), seedPatch.compact);
    const whole = compactMatcher(encodeCompactList(changed));
    const probes = [...seed, ...changed].filter((_, i) => i % 5 === 0 || i % 97 === 0 || i % 89 === 0).flatMap((source) => [`https://${source.host}${source.path}/`, `https://www.${source.host}/`, `https://sous.${source.host}/x`]);
    const answer = (found: Source | null) => (found === null ? null : `${found.host}|${found.path}|${found.scope}|${found.category}|${found.name}`);
    const differences = probes.filter((url) => answer(patched.match(url)) !== answer(whole.match(url)));
    expect(differences).toEqual([]);
    // Small beside the whole list (about 1/18 here): what a result page reads before it marks.
    expect(seedPatch.compact.length).toBeLessThan(encodeCompactList(changed).length / 10);

    // A link none of whose levels the patch changes gets the bundled list's answer: what a result page marks with at once.
    const changedHosts = hostsChangedBy(new CompactListIndex(seedPatch.compact));
    const bundledAlone = compactMatcher(encodeCompactList(seed));
    const untouched = probes.filter((url) => !hostLevels(new URL(url).hostname).some((level) => changedHosts.has(level)));
    expect(untouched.length).toBeGreaterThan(probes.length / 2);
    expect(untouched.filter((url) => answer(bundledAlone.match(url)) !== answer(patched.match(url)))).toEqual([]);
    // (The probes do reach changed answers.)
    expect(probes.filter((url) => answer(bundledAlone.match(url)) !== answer(patched.match(url))).length).toBeGreaterThan(300);
  });
});
