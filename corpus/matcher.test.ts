import { describe, expect, it } from 'vitest';
import { parseCorpusText, serializeCorpusText } from './corpus-text.ts';
import { compactMatcher, createMatcher, loadMatcher, type Matcher } from './matcher.ts';
import { listPatch } from './list/list-patch.ts';
import { snapshotText } from './list/snapshot.ts';
import { encodeCompactList } from './matching/compact-list-encoder.ts';
import { compactListComments } from './matching/compact-list.ts';
import { readSeedCorpusText } from './node/seed-corpus-file.ts';
import { type Source, sourceKey } from './source.ts';
import { makeSource } from './testing/make-source.ts';

let nextId = 0;
const source = (host: string, scope: Source['scope'], extra: Partial<Source> = {}): Source =>
  makeSource(host, { id: `test-${++nextId}`, scope, category: 'autre', ...extra });

const servicePublic = source('service-public.fr', 'subdomains', { category: 'etat', name: 'Service-Public.fr' });
const ain = source('ain.fr', 'subdomains', { category: 'departement', name: "Département de l'Ain", code: '01' });
const mdphAin = source('mdph.ain.fr', 'subdomains', { category: 'departement', name: "MDPH de l'Ain" });
const egletons = source('xn--mairie-gletons-hkb.fr', 'subdomains', { category: 'commune', name: 'Égletons' });
const freeTenant = source('mairie-x.free.fr', 'host', { category: 'commune' });
const eMonsiteTenant = source('bagelechatel.e-monsite.com', 'host', { category: 'commune' });
const wordpressTenant = source('argentieres77.wordpress.com', 'host', { category: 'commune' });
const jimdoTenant = source('anjeux.jimdofree.com', 'host', { category: 'commune' });
const googleSite = source('sites.google.com', 'path', { path: '/site/mairiedex', category: 'commune' });
const googleSiteDeeper = source('sites.google.com', 'path', { path: '/site/mairiedex/ecole', category: 'education' });
const wwwGouv = source('www.gouv.fr', 'host', { category: 'etat' });
const suspended = source('suspendue.fr', 'subdomains', { status: 'suspended' });
const removed = source('retiree.fr', 'host', { status: 'removed' });
// Rules that validation refuses; the matcher must stay safe even if one slips through.
const wholeSuffix = source('gouv.fr', 'subdomains');
const wholePlatform = source('free.fr', 'subdomains');
const wholePrivateSuffix = source('blogspot.com', 'subdomains');
const wholeGoogleSites = source('google.com', 'subdomains');

const sources = [
  servicePublic,
  ain,
  mdphAin,
  egletons,
  freeTenant,
  eMonsiteTenant,
  wordpressTenant,
  jimdoTenant,
  googleSite,
  googleSiteDeeper,
  wwwGouv,
  suspended,
  removed,
  wholeSuffix,
  wholePlatform,
  wholePrivateSuffix,
  wholeGoogleSites,
];

const fromText = (list: Source[]): Matcher => {
  const { matcher, errors } = loadMatcher(serializeCorpusText(list, ['a comment']));
  expect(errors).toEqual([]);
  return matcher;
};

/** The compact list keeps what clients use, not the curation fields: an answer is mapped back to the source it stands for. */
function fromCompactAnswer(list: Source[], found: Source | null): Source | null {
  const same = (s: Source) => found !== null && s.host === found.host && s.path === found.path && s.scope === found.scope && s.category === found.category && s.name === found.name;
  return found === null ? null : (list.find(same) ?? found);
}
const fromCompact = (list: Source[]): Matcher => {
  const matcher = compactMatcher(encodeCompactList(list, ['a comment']));
  return { match: (url) => fromCompactAnswer(list, matcher.match(url)) };
};

/**
 * The same list as a patch over an older one that differs from it every way a patch can: sources
 * missing, changed (another category, name or scope), extra ones on hostnames the list has too or
 * not at all, another path on a path-scoped hostname.
 */
const fromPatch = (list: Source[]): Matcher => {
  const older = [
    ...list.slice(3).map((s) => (s === eMonsiteTenant ? { ...s, scope: 'subdomains' as const } : s === servicePublic ? { ...s, category: 'autre' as const, name: 'Ancien nom' } : s)),
    source('retire-depuis.fr', 'subdomains'),
    source('x.free.fr', 'host'),
    source('sites.google.com', 'path', { path: '/site/ancienne' }),
    source('ain.fr', 'path', { path: '/ancien' }),
  ].filter((s) => s !== servicePublic || list.indexOf(s) >= 3);
  // A published version holds one claim per hostname and path: the first one, as matchers keep it.
  const published = (sources: Source[]) => sources.filter((s, i) => s.status !== 'active' || sources.findIndex((t) => t.status === 'active' && sourceKey(t) === sourceKey(s)) === i);
  const patch = listPatch({ version: 1, text: snapshotText(published(older)) }, { version: 2, text: snapshotText(published(list)) }, ['a comment']);
  const matcher = compactMatcher(encodeCompactList(older, ['a comment']), patch.compact);
  return { match: (url) => fromCompactAnswer(list, matcher.match(url)) };
};

// The same behaviour whether the matcher indexes source objects or a corpus text, or searches the text in place.
describe.each([
  ['createMatcher', createMatcher],
  ['loadMatcher', fromText],
  ['compactMatcher', (list: Source[]) => fromCompact(list)],
  ['compactMatcher with a patch', (list: Source[]) => fromPatch(list)],
])('%s', (_, build: (list: Source[]) => Matcher) => {
  const matcher = build(sources);

  it('finds a source from a URL, a bare hostname or a protocol-relative URL', () => {
    expect(matcher.match('https://www.service-public.fr/particuliers/vosdroits/F1234')).toEqual(servicePublic);
    expect(matcher.match('http://service-public.fr')).toEqual(servicePublic);
    expect(matcher.match('service-public.fr')).toEqual(servicePublic);
    expect(matcher.match('www.service-public.fr/particuliers')).toEqual(servicePublic);
    expect(matcher.match('//www.service-public.fr/x')).toEqual(servicePublic);
  });

  it('reads any case, ports, user-info and a trailing dot', () => {
    expect(matcher.match('HTTPS://WWW.Service-Public.FR/Particuliers')).toEqual(servicePublic);
    expect(matcher.match('https://www.service-public.fr:443/x')).toEqual(servicePublic);
    expect(matcher.match('http://www.service-public.fr:8080')).toEqual(servicePublic);
    expect(matcher.match('service-public.fr:8443/x')).toEqual(servicePublic);
    expect(matcher.match('https://user:secret@www.service-public.fr/')).toEqual(servicePublic);
    expect(matcher.match('https://www.service-public.fr./x')).toEqual(servicePublic);
    expect(matcher.match('  https://www.service-public.fr/ ')).toEqual(servicePublic);
  });

  it('matches IDN hostnames written with accents or in punycode', () => {
    expect(matcher.match('https://www.mairie-égletons.fr/demarches')).toEqual(egletons);
    expect(matcher.match('https://MAIRIE-ÉGLETONS.FR')).toEqual(egletons);
    expect(matcher.match('https://xn--mairie-gletons-hkb.fr/')).toEqual(egletons);
    expect(matcher.match('mairie-égletons.fr')).toEqual(egletons);
    expect(matcher.match('https://mairie-egletons.fr/')).toBeNull();
  });

  it('refuses look-alikes', () => {
    expect(matcher.match('https://service-public.fr.evil.example/')).toBeNull();
    expect(matcher.match('https://evil-service-public.fr/')).toBeNull();
    expect(matcher.match('https://servicepublic.fr/')).toBeNull();
    expect(matcher.match('https://service-public.fr-connexion.com/')).toBeNull();
    expect(matcher.match('https://www.service-public.fr@evil.example/')).toBeNull();
    expect(matcher.match('https://evil.example/?next=https://www.service-public.fr/')).toBeNull();
    expect(matcher.match('https://evil.example/www.service-public.fr')).toBeNull();
    expect(matcher.match('https://service-public.com/')).toBeNull();
  });

  it('extends a subdomains scope to every subdomain, and prefers the most specific source', () => {
    expect(matcher.match('https://demarches.service-public.fr/x')).toEqual(servicePublic);
    expect(matcher.match('https://a.b.c.service-public.fr')).toEqual(servicePublic);
    expect(matcher.match('https://www.ain.fr/')).toEqual(ain);
    expect(matcher.match('https://mdph.ain.fr/aides')).toEqual(mdphAin);
    expect(matcher.match('https://www.mdph.ain.fr/aides')).toEqual(mdphAin);
    expect(matcher.match('https://extranet.mdph.ain.fr/')).toEqual(mdphAin);
  });

  it('keeps a host scope to the exact hostname, with or without www', () => {
    expect(matcher.match('http://mairie-x.free.fr/')).toEqual(freeTenant);
    expect(matcher.match('http://www.mairie-x.free.fr/page.html')).toEqual(freeTenant);
    expect(matcher.match('http://photos.mairie-x.free.fr/')).toBeNull();
  });

  it('never trusts a hosting platform or its other tenants because of one tenant', () => {
    expect(matcher.match('http://free.fr/')).toBeNull();
    expect(matcher.match('http://www.free.fr/')).toBeNull();
    expect(matcher.match('http://faux-mairie.free.fr/')).toBeNull();
    expect(matcher.match('https://bagelechatel.e-monsite.com/')).toEqual(eMonsiteTenant);
    expect(matcher.match('https://e-monsite.com/')).toBeNull();
    expect(matcher.match('https://autre.e-monsite.com/')).toBeNull();
    expect(matcher.match('https://argentieres77.wordpress.com/2020/01/x')).toEqual(wordpressTenant);
    expect(matcher.match('https://wordpress.com/')).toBeNull();
    expect(matcher.match('https://autre.wordpress.com/')).toBeNull();
    expect(matcher.match('https://anjeux.jimdofree.com/')).toEqual(jimdoTenant);
    expect(matcher.match('https://autre.jimdofree.com/')).toBeNull();
  });

  it('keeps a path scope to its prefix, on segment boundaries', () => {
    expect(matcher.match('https://sites.google.com/site/mairiedex')).toEqual(googleSite);
    expect(matcher.match('https://sites.google.com/site/mairiedex/')).toEqual(googleSite);
    expect(matcher.match('https://sites.google.com/site/mairiedex/conseil?x=1')).toEqual(googleSite);
    expect(matcher.match('https://sites.google.com/site/mairiedex/ecole/menus')).toEqual(googleSiteDeeper);
    expect(matcher.match('https://sites.google.com/site/mairiedexy')).toBeNull();
    expect(matcher.match('https://sites.google.com/site/autre')).toBeNull();
    expect(matcher.match('https://sites.google.com/')).toBeNull();
    expect(matcher.match('sites.google.com')).toBeNull();
    expect(matcher.match('https://sites.google.com/site/x/../mairiedex/')).toEqual(googleSite);
  });

  it('never lets trust cross a public suffix, even from a rule that slipped through', () => {
    expect(matcher.match('https://www.gouv.fr/')).toEqual(wwwGouv);
    expect(matcher.match('https://gouv.fr/')).toBeNull();
    expect(matcher.match('https://n-importe-qui.gouv.fr/')).toBeNull();
    expect(matcher.match('https://n-importe-qui.blogspot.com/')).toBeNull();
    expect(matcher.match('https://blogspot.com/')).toBeNull();
    expect(matcher.match('https://sites.google.com/site/inconnu')).toBeNull();
    expect(matcher.match('https://mail.google.com/')).toEqual(wholeGoogleSites);
  });

  it('ignores sources that are not active', () => {
    expect(matcher.match('https://suspendue.fr/')).toBeNull();
    expect(matcher.match('https://retiree.fr/')).toBeNull();
  });

  it('answers no match, without throwing, on malformed input', () => {
    const malformed: unknown[] = [
      '',
      ' ',
      'http://',
      'https:///',
      'https://.',
      'https://..fr',
      'not a url',
      'javascript:alert(1)',
      'mailto:maire@ain.fr',
      'data:text/html,<p>ain.fr</p>',
      'ftp://ain.fr/',
      'http://[::1]/',
      'http://127.0.0.1/',
      'http://0x7f.1/',
      'https://ain.fr:99999/',
      'https://%%%/',
      'https://ain.fr\u0000/',
      'fr',
      '.fr',
      'https://xn--/',
      null,
      undefined,
      42,
    ];
    for (const input of malformed) {
      expect(matcher.match(input as string), String(input)).toBeNull();
    }
  });

  it('keeps the first source claiming a hostname and path, and ignores the next ones', () => {
    const first = source('doublon.fr', 'subdomains', { id: 'doublon-1' });
    const second = source('doublon.fr', 'host', { id: 'doublon-2', category: 'commune' });
    const third = source('doublon.fr', 'path', { id: 'doublon-3', path: '/x' });
    const fourth = source('doublon.fr', 'path', { id: 'doublon-4', path: '/x', category: 'commune' });
    const withConflict = build([first, second, third, fourth]);
    expect(withConflict.match('https://doublon.fr/')).toEqual(first);
    expect(withConflict.match('https://sous.doublon.fr/')).toEqual(first);
    expect(withConflict.match('https://doublon.fr/x/y')).toEqual(third);
  });
});

describe('loadMatcher', () => {
  it('reports lines whose structure is wrong, and never matches a line it cannot read', () => {
    const text = [
      '# comment',
      'a1\tain.fr\tsubdomains\t\tdepartement\tactive\t\t\t',
      'broken line',
      'b1\tbad-category.fr\thost\t\tclub\tactive\t\t\t',
      'c1\tbad-status.fr\thost\t\tcommune\tlive\t\t\t',
      'd1\tsuspendue.fr\thost\t\tcommune\tsuspended\t\t\t',
      'e1\tsites.google.com\tpath\t/site/x\tcommune\tactive\t\t\t',
      'f1\tsites.google.com\tpath\t/site/y\tcategorie\tactive\t\t\t',
    ].join('\n');
    const { matcher, errors } = loadMatcher(text);
    expect(errors).toEqual([
      { line: 3, message: 'missing columns' },
      { line: 5, message: 'invalid status' },
      { line: 8, message: 'unknown category "categorie"' },
    ]);
    expect(matcher.match('https://www.ain.fr/')?.id).toBe('a1');
    expect(matcher.match('https://sites.google.com/site/x/page')?.id).toBe('e1');
    expect(matcher.match('https://bad-category.fr/')).toBeNull();
    expect(matcher.match('https://suspendue.fr/')).toBeNull();
  });

  it('reads the sources it returns in full', () => {
    const { matcher } = loadMatcher(serializeCorpusText([ain]));
    expect(matcher.match('ain.fr')).toEqual(ain);
  });
});

describe('compactMatcher', () => {
  it('gives the client fields of a source: no id, INSEE code or provenance', () => {
    const matcher = compactMatcher(encodeCompactList([ain, googleSite, suspended]));
    expect(matcher.match('https://www.ain.fr/')).toEqual({ ...ain, id: '', code: '', provenance: '' });
    expect(matcher.match('https://sites.google.com/site/mairiedex/x')).toEqual({ ...googleSite, id: '', code: '', provenance: '' });
    expect(matcher.match('https://suspendue.fr/')).toBeNull();
  });

  it('shares the common part of neighbouring keys, and finds every source at any place in a block', () => {
    const hosts = Array.from({ length: 100 }, (_, i) => `college-${String(i).padStart(3, '0')}.etab.ac-exemple.fr`);
    const long = `${'tres-long-sous-domaine.'.repeat(5)}exemple.fr`;
    const list = [
      ...hosts.map((host) => source(host, 'host', { category: 'education' })),
      source(long, 'path', { path: '/a', name: 'Premier' }),
      source(long, 'path', { path: '/b', name: 'Second' }),
      source(long, 'subdomains'),
    ];
    const text = encodeCompactList(list, ['crédit']);
    expect(compactListComments(text)).toEqual(['crédit']);
    // ASCII throughout, so that the script carrying it is held at one byte a character.
    expect(/^[\x00-\x7e]*$/.test(text)).toBe(true);
    expect(text.length).toBeLessThan(serializeCorpusText(list).length / 3);
    const matcher = compactMatcher(text);
    for (const host of hosts) expect(matcher.match(`https://${host}/`)?.host).toBe(host);
    expect(matcher.match('https://college-100.etab.ac-exemple.fr/')).toBeNull();
    expect(matcher.match(`https://${long}/a/x`)?.name).toBe('Premier');
    expect(matcher.match(`https://${long}/b`)?.name).toBe('Second');
    expect(matcher.match(`https://x.${long}/b`)?.scope).toBe('subdomains');
    expect(compactMatcher(encodeCompactList([])).match('a.fr')).toBeNull();
  });

  // Every source of the seed corpus and look-alikes of one in eight: thorough rather than quick.
  it('refuses a source it cannot write, with the reason', () => {
    expect(() => encodeCompactList([source('Majuscules.fr', 'host')])).toThrow(/hostname "Majuscules.fr" is not normalized/);
    expect(() => encodeCompactList([source('nom.fr', 'host', { name: 'ligne\ncoupée' })])).toThrow(/line break/);
    expect(() => encodeCompactList([{ ...source('club.fr', 'host'), category: 'club' as Source['category'] }])).toThrow(/unknown category/);
  });

  it('answers exactly as the hashed index on the whole seed corpus', { timeout: 30_000 }, () => {
    const text = readSeedCorpusText();
    const seed = parseCorpusText(text).sources;
    const hashed = loadMatcher(text).matcher;
    const compact = compactMatcher(encodeCompactList(seed));
    const urls = seed.flatMap((s, i) =>
      i % 8 === 0 ? [`https://${s.host}${s.path}/x`, `https://www.${s.host}/`, `http://a.b.${s.host}/`, `https://${s.host.slice(1)}/`, `https://${s.host}x/`] : [`https://${s.host}/`],
    );
    const key = (found: Source | null) => (found === null ? null : `${found.host}${found.path} ${found.scope} ${found.category} ${found.name}`);
    const differences = urls.filter((url) => key(compact.match(url)) !== key(hashed.match(url)));
    expect(differences).toEqual([]);
    expect(urls.filter((url) => compact.match(url) !== null).length).toBeGreaterThan(urls.length / 3);
  });
});

describe('matching on the seed corpus', () => {
  it('answers the same whether the hostname is read in place or by the URL parser', () => {
    const text = readSeedCorpusText();
    const { matcher } = loadMatcher(text);
    const seed = parseCorpusText(text).sources;
    const urls = seed
      .filter((_, i) => i % 20 === 0)
      .flatMap((s) => [
        `https://${s.host}/`,
        `https://www.${s.host}/page?x=1`,
        `http://sub.${s.host}#top`,
        `https://${s.host}./x`,
        `https://evil-${s.host}/`,
        `https://${s.host}.evil.example/`,
      ]);
    let trusted = 0;
    for (const url of urls) {
      const inPlace = matcher.match(url);
      // An upper-case scheme is not the plain shape: the URL parser reads the hostname.
      const parsed = matcher.match(url.replace(/^http/, 'HTTP'));
      expect(inPlace?.id, url).toBe(parsed?.id);
      if (inPlace !== null) trusted++;
    }
    expect(trusted).toBeGreaterThan(urls.length / 3);
  });
});
