import { describe, expect, it } from 'vitest';
import { HOSTING_PUBLIC_SUFFIXES, PLATFORMS } from './platforms.ts';
import { SCOPES } from './source.ts';
import { canonicalSourceHost, issueMessage, normalizePathPrefix, scopeIssue, validateSource, type SourceDraft } from './source-validation.ts';

const draft = (fields: Partial<SourceDraft>): SourceDraft => ({
  id: 'src-1',
  host: 'ain.fr',
  scope: 'subdomains',
  path: '',
  category: 'departement',
  status: 'active',
  name: "Département de l'Ain",
  code: '01',
  provenance: 'console',
  ...fields,
});

describe('canonicalSourceHost', () => {
  it('drops www. unless what remains is a public suffix', () => {
    expect(canonicalSourceHost('WWW.Ain.fr.')).toBe('ain.fr');
    expect(canonicalSourceHost('www.gouv.fr')).toBe('www.gouv.fr');
    expect(canonicalSourceHost('www.mairie-x.free.fr')).toBe('mairie-x.free.fr');
    expect(canonicalSourceHost('www.lucé.fr')).toBe('xn--luc-dma.fr');
    expect(canonicalSourceHost('http://ain.fr')).toBeNull();
  });
});

describe('normalizePathPrefix', () => {
  it('writes the prefix as browsers write paths, without trailing slash', () => {
    expect(normalizePathPrefix('/site/mairiedex/')).toBe('/site/mairiedex');
    expect(normalizePathPrefix('/site/ségur')).toBe('/site/s%C3%A9gur');
    expect(normalizePathPrefix('/a/../b')).toBe('/b');
  });
  it('refuses what is not a path prefix', () => {
    for (const input of ['', '/', 'site/x', '//evil.example/x', '/x?y', '/x#y', '/a b']) {
      expect(normalizePathPrefix(input), input).toBeNull();
    }
  });
});

describe('scopeIssue', () => {
  it('refuses public suffixes and unknown top-level domains', () => {
    expect(scopeIssue('gouv.fr', 'subdomains', '')?.code).toBe('public-suffix');
    expect(scopeIssue('gouv.fr', 'host', '')?.code).toBe('public-suffix');
    expect(scopeIssue('cci.fr', 'subdomains', '')?.code).toBe('public-suffix');
    expect(scopeIssue('universita.corsicafr', 'host', '')?.code).toBe('unknown-tld');
  });

  it('keeps trust at the exact hostname on hosting platforms', () => {
    expect(scopeIssue('free.fr', 'subdomains', '')).toMatchObject({ code: 'platform-home', platform: 'free.fr' });
    expect(scopeIssue('19.free.fr', 'subdomains', '')).toMatchObject({ code: 'platform', platform: 'free.fr' });
    expect(scopeIssue('mairie-x.free.fr', 'subdomains', '')).toMatchObject({ code: 'platform' });
    expect(scopeIssue('mairie-x.free.fr', 'host', '')).toBeNull();
    expect(scopeIssue('x.blogspot.com', 'host', '')).toBeNull();
  });

  it('refuses a subdomains scope above a platform', () => {
    expect(scopeIssue('orange.fr', 'subdomains', '')).toMatchObject({ code: 'platform', platform: 'perso.orange.fr' });
    expect(scopeIssue('google.com', 'subdomains', '')).toMatchObject({ code: 'platform', platform: 'sites.google.com' });
    expect(scopeIssue('orange.fr', 'host', '')).toBeNull();
  });

  it('never accepts a subdomain platform’s own address, whatever the scope, www. or not', () => {
    const homes = [...PLATFORMS.filter((platform) => platform.tenants === 'subdomains').map((platform) => platform.host), ...HOSTING_PUBLIC_SUFFIXES];
    for (const home of homes) {
      for (const host of [home, `www.${home}`]) {
        for (const scope of SCOPES) {
          const result = validateSource(draft({ host, scope, path: scope === 'path' ? '/accueil' : '' }));
          expect(result.ok === false && result.issues, `${host} ${scope}`).toContainEqual({ field: 'host', code: 'platform-home', platform: home });
        }
      }
    }
    expect(scopeIssue('wordpress.com', 'host', '')).toEqual({ field: 'host', code: 'platform-home', platform: 'wordpress.com' });
    expect(scopeIssue('blogspot.com', 'host', '')).toEqual({ field: 'host', code: 'platform-home', platform: 'blogspot.com' });
    expect(issueMessage({ field: 'host', code: 'platform-home', platform: 'wordpress.com' })).toBe(
      "Refusé : « wordpress.com » est l'adresse d'une plateforme d'hébergement partagée, où chacun peut ouvrir un site ; elle ne peut être une source avec aucune portée. Saisissez l'adresse du site hébergé lui-même, par exemple « mairie-exemple.wordpress.com ».",
    );
    expect(issueMessage({ field: 'host', code: 'platform-home', platform: 'wordpress.com' }, 'en')).toContain('it cannot be a source with any scope');
  });

  it('keeps tenants of hosting public suffixes at their exact hostname, and members of an organisation’s own suffix at theirs and below', () => {
    expect(scopeIssue('mairie.blogspot.com', 'subdomains', '')).toEqual({ field: 'scope', code: 'platform', platform: 'blogspot.com' });
    expect(scopeIssue('mairie.wixsite.com', 'subdomains', '')).toMatchObject({ code: 'platform', platform: 'wixsite.com' });
    expect(scopeIssue('mairie.github.io', 'subdomains', '')).toMatchObject({ code: 'platform', platform: 'github.io' });
    expect(scopeIssue('mairie.blogspot.com', 'host', '')).toBeNull();
    expect(scopeIssue('ariege.chambagri.fr', 'subdomains', '')).toBeNull();
    expect(scopeIssue('barreau-paris.avocat.fr', 'subdomains', '')).toBeNull();
    // Above a hosting suffix: the parent would cover the tenants.
    expect(scopeIssue('canva.site', 'subdomains', '')).toMatchObject({ code: 'platform', platform: 'my.canva.site' });
  });

  it('only ever suggests a way that is accepted', () => {
    const hosts = ['wordpress.com', 'free.fr', 'sitego.fr', 'blogspot.com', 'mairie-x.free.fr', 'mairie.blogspot.com', 'orange.fr', 'google.com', 'facebook.com', 'm.facebook.com', 'sites.google.com', 'youtube.com', 'linkedin.com'];
    let refusals = 0;
    for (const host of hosts) {
      for (const scope of SCOPES) {
        const issue = scopeIssue(host, scope, scope === 'path' ? '/x/y' : '');
        if (issue === null || issue.platform === undefined) continue;
        refusals++;
        const suggested =
          issue.code === 'platform' ? draft({ host, scope: 'host' })
          : issue.code === 'platform-home' ? draft({ host: `mairie-exemple.${issue.platform}`, scope: 'host' })
          : draft({ host: issue.platform, scope: 'path', path: issue.example });
        expect(validateSource(suggested).ok, `${host} ${scope} → ${issueMessage(issue)}`).toBe(true);
        expect(issueMessage(issue)).toContain(issue.code === 'platform-path' ? `« un chemin de cet hôte » et le chemin de la page, par exemple ${issue.example}` : issue.platform);
      }
    }
    expect(refusals).toBeGreaterThan(20);
  });

  it('accepts only a tenant path on path platforms', () => {
    expect(scopeIssue('sites.google.com', 'path', '/site/mairiedex')).toBeNull();
    expect(scopeIssue('sites.google.com', 'path', '/view/mairiedex/accueil')).toBeNull();
    expect(scopeIssue('sites.google.com', 'path', '/site')?.code).toBe('platform-path');
    expect(scopeIssue('sites.google.com', 'host', '')?.code).toBe('platform-path');
    expect(scopeIssue('facebook.com', 'host', '')?.code).toBe('platform-path');
    expect(scopeIssue('facebook.com', 'path', '/MairieDeX')).toBeNull();
    expect(scopeIssue('m.facebook.com', 'host', '')).toMatchObject({ field: 'host', code: 'platform-path', platform: 'facebook.com', example: '/nom-de-la-page' });
  });

  it('accepts ordinary public sites', () => {
    expect(scopeIssue('ain.fr', 'subdomains', '')).toBeNull();
    expect(scopeIssue('ain.gouv.fr', 'subdomains', '')).toBeNull();
    expect(scopeIssue('www.gouv.fr', 'host', '')).toBeNull();
  });
});

describe('validateSource', () => {
  it('normalizes a valid draft', () => {
    const result = validateSource(draft({ host: ' WWW.AIN.FR ', name: "  Département de l'Ain " }));
    expect(result).toEqual({
      ok: true,
      source: {
        id: 'src-1',
        host: 'ain.fr',
        scope: 'subdomains',
        path: '',
        category: 'departement',
        status: 'active',
        name: "Département de l'Ain",
        code: '01',
        provenance: 'console',
      },
    });
  });

  it('reports every problem with its field', () => {
    const result = validateSource(
      draft({ id: 'A', host: 'ain fr', scope: 'everything', category: 'club', status: 'live', code: 'x', name: 'a\tb' }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => `${issue.field}:${issue.code}`)).toEqual([
      'id:invalid-id',
      'host:invalid-host',
      'scope:invalid-scope',
      'category:invalid-category',
      'status:invalid-status',
      'code:invalid-code',
      'name:invalid-text',
    ]);
  });

  it('refuses, in names and provenance, characters that hide text or turn it around, saying which', () => {
    const hidden = ['\u202e', '\u202a', '\u2066', '\u2069', '\u200b', '\u200d', '\u2060', '\ufeff', '\u200f'];
    for (const character of hidden) {
      const result = validateSource(draft({ name: `Mairie de ${character}nohtaM` }));
      expect(result.ok, JSON.stringify(character)).toBe(false);
      if (result.ok) continue;
      const code = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      expect(result.issues).toEqual([{ field: 'name', code: 'invisible-character', character: code }]);
      expect(issueMessage(result.issues[0])).toContain(code);
    }
    const provenance = validateSource(draft({ provenance: 'etalab/verified\u200b' }));
    expect(provenance.ok === false && provenance.issues.map((issue) => `${issue.field}:${issue.code}`)).toEqual(['provenance:invisible-character']);
    expect(issueMessage({ field: 'name', code: 'invisible-character', character: 'U+202E' })).toBe(
      'Texte refusé : il contient un caractère invisible ou qui inverse le sens de l’écriture (U+202E), qui pourrait tromper les lecteurs. Retapez-le au clavier plutôt que de le copier-coller.',
    );
    expect(issueMessage({ field: 'name', code: 'invisible-character', character: 'U+202E' }, 'en')).toContain('invisible or reverses the direction of writing (U+202E)');
    // Other control characters and broken UTF-16 are no text either.
    for (const name of ['Mairie\u0085', 'Mairie\u009b', 'Mairie \ud800']) expect(validateSource(draft({ name })).ok, JSON.stringify(name)).toBe(false);
    expect(validateSource(draft({ name: 'Mairie de Saint-Étienne — 🇫🇷' })).ok).toBe(true);
  });

  it('refuses a scope that would trust a whole platform, with the reason in French and English', () => {
    const result = validateSource(draft({ host: 'mairie-x.e-monsite.com' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([{ field: 'scope', code: 'platform', platform: 'e-monsite.com' }]);
    expect(issueMessage(result.issues[0])).toContain("plateforme d'hébergement partagée");
    expect(issueMessage(result.issues[0], 'en')).toContain('shared hosting platform');
  });

  it('requires a path with the path scope, and none otherwise', () => {
    expect(validateSource(draft({ host: 'sites.google.com', scope: 'path', path: '' })).ok).toBe(false);
    expect(validateSource(draft({ path: '/x' })).ok).toBe(false);
    const ok = validateSource(draft({ host: 'sites.google.com', scope: 'path', path: '/site/mairiedex/' }));
    expect(ok.ok && ok.source.path).toBe('/site/mairiedex');
  });
});
