import { describe, expect, it } from 'vitest';
import type { CheckEvidence, SchemeAttempt } from './check-evidence.ts';
import { classifyCheck, type PriorCheck } from './classify-check.ts';
import type { Hop } from './http-hop.ts';
import type { PageFacts } from './page-facts.ts';

const NOW = '2026-11-20T12:00:00.000Z';

function hop(url: string, fields: Partial<Hop> = {}): Hop {
  return { url, status: 200, location: null, contentType: 'text/html', server: null, bytes: 100, truncated: false, failure: null, headersMs: 10, totalMs: 12, ...fields };
}

function facts(fields: Partial<PageFacts> = {}): PageFacts {
  return { title: 'Mairie', lang: 'fr', description: '', canonical: null, fingerprint: '0000000000000000', words: 50, publicSignals: ['legal-notice'], sirens: [], parkingPatterns: [], spamPatterns: [], ...fields };
}

function evidence(fields: { hops?: Hop[]; attempts?: SchemeAttempt[]; page?: PageFacts | null; dns?: Partial<CheckEvidence['dns']>; source?: Partial<CheckEvidence['source']>; trusted?: CheckEvidence['finalTrustedSource'] } = {}): CheckEvidence {
  const hops = fields.hops ?? [hop('https://mairie-exemple.fr/')];
  const attempts = fields.attempts ?? [{ scheme: 'https', robots: [{ url: 'https://mairie-exemple.fr/robots.txt', status: 404, failure: null, verdict: 'allow-all' }], hops, stopped: null }];
  return {
    source: { id: 'sexemple0001', host: 'mairie-exemple.fr', scope: 'subdomains', path: '', status: 'active', validation: 'upstream', name: 'Mairie de Saint-Exemple', code: '', ...fields.source },
    dns: { a: ['203.0.113.10'], aaaa: [], errors: {}, cnameChain: [], cnameTargetError: null, nsDomain: 'mairie-exemple.fr', ns: ['ns1.ovh.net'], ...fields.dns },
    attempts,
    page: fields.page === undefined ? facts() : fields.page,
    finalUrl: attempts.at(-1)?.hops.at(-1)?.url ?? null,
    finalTrustedSource: fields.trusted ?? null,
    elapsedMs: 20,
  };
}

const failed = (checkedAt: string): PriorCheck => ({ checkedAt, outcome: 'failing', failed: true, fingerprint: null, publicSignals: 0 });
const good = (checkedAt: string, fingerprint = '0000000000000000', publicSignals = 1): PriorCheck => ({ checkedAt, outcome: 'ok', failed: false, fingerprint, publicSignals });
const timedOut = hop('https://mairie-exemple.fr/', { status: null, failure: { kind: 'timeout', code: 'UND_ERR_HEADERS_TIMEOUT', message: '' } });

describe('classifyCheck', () => {
  it('finds a site that answers ok, and an unverified one a candidate', () => {
    expect(classifyCheck(evidence(), [], NOW)).toEqual({ outcome: 'ok', reasons: ['public:legal-notice'], failed: false, suggestion: null });
    expect(classifyCheck(evidence({ source: { validation: 'unverified', status: 'suspended' } }), [], NOW).outcome).toBe('candidate');
  });

  it('calls a failure unreachable only after three in a row over three days', () => {
    const down = evidence({ hops: [timedOut], page: null });
    expect(classifyCheck(down, [], NOW)).toMatchObject({ outcome: 'failing', failed: true, reasons: ['timeout:UND_ERR_HEADERS_TIMEOUT', 'failures:1'] });
    expect(classifyCheck(down, [failed('2026-11-20T06:00:00.000Z'), failed('2026-11-20T00:00:00.000Z')], NOW).outcome).toBe('failing');
    expect(classifyCheck(down, [failed('2026-11-19T00:00:00.000Z'), failed('2026-11-17T11:00:00.000Z')], NOW).outcome).toBe('unreachable');
    // A success in between starts the count again.
    expect(classifyCheck(down, [failed('2026-11-19T00:00:00.000Z'), good('2026-11-18T00:00:00.000Z'), failed('2026-11-10T00:00:00.000Z')], NOW).outcome).toBe('failing');
  });

  it('counts DNS, refused connections, TLS errors and 5xx as failures, a robots refusal not', () => {
    expect(classifyCheck(evidence({ attempts: [], page: null, dns: { a: [], errors: { a: 'ENOTFOUND', aaaa: 'ENOTFOUND' } } }), [], NOW).reasons[0]).toBe('dns-nxdomain');
    expect(classifyCheck(evidence({ hops: [hop('https://mairie-exemple.fr/', { status: 500 })], page: null }), [], NOW).reasons[0]).toBe('http-500');
    const tls: SchemeAttempt = { scheme: 'https', robots: [{ url: 'https://mairie-exemple.fr/robots.txt', status: null, failure: { kind: 'tls', code: 'CERT_HAS_EXPIRED', message: '' }, verdict: 'disallow-all' }], hops: [], stopped: null };
    expect(classifyCheck(evidence({ attempts: [tls], page: null }), [], NOW)).toMatchObject({ outcome: 'failing', reasons: ['tls:CERT_HAS_EXPIRED', 'failures:1'] });
    const robots: SchemeAttempt = { scheme: 'https', robots: [{ url: 'https://mairie-exemple.fr/robots.txt', status: 200, failure: null, verdict: 'rules' }], hops: [], stopped: { reason: 'robots-disallow', url: 'https://mairie-exemple.fr/' } };
    expect(classifyCheck(evidence({ attempts: [robots], page: null }), [], NOW)).toEqual({ outcome: 'disallowed', reasons: ['robots-disallow'], failed: false, suggestion: null });
  });

  it('flags a dangling CNAME to a cloud host, parking nameservers and parking addresses', () => {
    expect(classifyCheck(evidence({ attempts: [], page: null, dns: { a: [], cnameChain: ['ville.herokuapp.com'], cnameTargetError: 'ENOTFOUND' } }), [], NOW)).toMatchObject({ outcome: 'suspicious', reasons: ['dangling-cname', 'takeover-host:herokuapp.com'] });
    // A CNAME whose target still resolves is fine.
    expect(classifyCheck(evidence({ dns: { cnameChain: ['ville.herokuapp.com'], cnameTargetError: null } }), [], NOW).outcome).toBe('ok');
    expect(classifyCheck(evidence({ dns: { ns: ['ns1.bodis.com', 'ns2.bodis.com'] } }), [], NOW).reasons).toEqual(['parking-nameserver', 'nameserver:ns1.bodis.com']);
    expect(classifyCheck(evidence({ dns: { a: ['91.195.240.94'] } }), [], NOW).reasons).toEqual(['parking-address', 'address:91.195.240.94:sedoparking.com']);
  });

  it('tells a move of the same organisation (suggested edit) from a redirect elsewhere', () => {
    const to = (target: string, page: PageFacts) => evidence({ hops: [hop('https://mairie-exemple.fr/', { status: 301, location: target }), hop(target)], page });
    expect(classifyCheck(to('https://www.saint-exemple.fr/', facts({ title: 'Accueil — Mairie de Saint-Exemple' })), [], NOW)).toEqual({
      outcome: 'moved',
      reasons: ['same-name', 'redirect-to-other-domain', 'target:www.saint-exemple.fr'],
      failed: false,
      suggestion: { host: 'saint-exemple.fr' },
    });
    const siren = evidence({ source: { code: '217300425' }, hops: [hop('https://mairie-exemple.fr/', { status: 301, location: 'https://ville.fr/' }), hop('https://ville.fr/')], page: facts({ title: 'Ville', sirens: ['217300425'] }) });
    expect(classifyCheck(siren, [], NOW).reasons[0]).toBe('same-siren');
    expect(classifyCheck(to('https://agence-web.fr/', facts({ title: 'Agence web' })), [], NOW)).toMatchObject({ outcome: 'redirected', reasons: ['redirect-to-other-domain', 'target:agence-web.fr', 'untrusted-target'] });
    const trusted = evidence({ hops: [hop('https://mairie-exemple.fr/', { status: 301, location: 'https://ain.gouv.fr/' }), hop('https://ain.gouv.fr/')], trusted: { id: 'sk3kwbhz3cg2', host: 'ain.gouv.fr' } });
    expect(classifyCheck(trusted, [], NOW).reasons).toContain('trusted-target:sk3kwbhz3cg2');
  });

  it('suggests the new host when a host-scoped source moves within its domain, and accepts a www or path redirect', () => {
    const within = evidence({ source: { host: 'portail.mairie-exemple.fr', scope: 'host' }, hops: [hop('https://portail.mairie-exemple.fr/', { status: 302, location: 'https://services.mairie-exemple.fr/' }), hop('https://services.mairie-exemple.fr/')] });
    expect(classifyCheck(within, [], NOW)).toMatchObject({ outcome: 'moved', suggestion: { host: 'services.mairie-exemple.fr' } });
    const www = evidence({ hops: [hop('http://mairie-exemple.fr/', { status: 301, location: 'https://www.mairie-exemple.fr/accueil' }), hop('https://www.mairie-exemple.fr/accueil')] });
    expect(classifyCheck(www, [], NOW).outcome).toBe('ok');
  });

  it('flags redirects through a domain marketplace and for-sale pages', () => {
    const sale = evidence({ hops: [hop('https://mairie-exemple.fr/', { status: 302, location: 'https://www.hugedomains.com/domain_profile.cfm?d=mairie-exemple.fr' }), hop('https://www.hugedomains.com/domain_profile.cfm?d=mairie-exemple.fr')] });
    expect(classifyCheck(sale, [], NOW).reasons.slice(0, 2)).toEqual(['marketplace-redirect', 'marketplace:hugedomains.com']);
    expect(classifyCheck(evidence({ page: facts({ parkingPatterns: ['buy this domain'] }) }), [], NOW).reasons[0]).toBe('parking-page');
  });

  it('flags an owner change only when the content changed drastically and lost its public signals or shows spam', () => {
    const history = [good('2026-11-10T00:00:00.000Z', '0000000000000000', 2)];
    const rewritten = facts({ fingerprint: 'ffffffff0000ffff', publicSignals: [] });
    expect(classifyCheck(evidence({ page: rewritten }), history, NOW).reasons.slice(0, 3)).toEqual(['owner-change', 'content-distance:48', 'public-signals-lost']);
    expect(classifyCheck(evidence({ page: facts({ fingerprint: 'ffffffff0000ffff', spamPatterns: ['casino'] }) }), history, NOW).outcome).toBe('suspicious');
    // A redesign that keeps the legal notice is only noted.
    expect(classifyCheck(evidence({ page: facts({ fingerprint: 'ffffffff0000ffff' }) }), history, NOW)).toMatchObject({ outcome: 'ok', reasons: ['public:legal-notice', 'content-changed:48'] });
    // Small edits are not a change.
    expect(classifyCheck(evidence({ page: facts({ fingerprint: '000000000000000f', publicSignals: [] }) }), history, NOW).outcome).toBe('ok');
  });

  it('flags a redirect to a non-public address after a public first hop', () => {
    const attempt: SchemeAttempt = { scheme: 'https', robots: [], hops: [hop('https://mairie-exemple.fr/', { status: 302, location: 'http://10.1.2.3/' })], stopped: { reason: 'non-public-address', url: 'http://10.1.2.3/', detail: '10.1.2.3 (private)' } };
    expect(classifyCheck(evidence({ attempts: [attempt], page: null }), [], NOW)).toMatchObject({ outcome: 'suspicious', reasons: ['redirect-to-non-public-address', '10.1.2.3 (private)'] });
  });
});
