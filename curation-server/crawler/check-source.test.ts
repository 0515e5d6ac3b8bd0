import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../../corpus/source.ts';
import { type TempDatabase, tempDatabase } from '../testing/temp-database.ts';
import { listChecks, type RecordedCheck } from './check-records.ts';
import { type CrawlFinding, startCrawlRun, waitForCrawlRun } from './crawl-runs.ts';
import { HTTP_ONLY_ADDRESS, htmlPage, REFUSING_ADDRESS, SERVING_ADDRESS, type SimulatedWeb, type SiteHandler, startSimulatedWeb } from './testing/simulated-web.ts';
import { type TestRecord, testResolver, zoneOf } from './testing/test-resolver.ts';
import { makeValidSource } from '../../corpus/testing/make-source.ts';

const source = (host: string, fields: Partial<Source> = {}): Source => makeValidSource(host, { provenance: 'etalab/verified', ...fields });

const page = (title: string, body = '<p>Bienvenue sur le site officiel de la commune.</p><a href="/mentions-legales">Mentions légales</a>') => (response: ServerResponse) =>
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(htmlPage(title, body));
const redirect = (location: string, status = 301) => (response: ServerResponse) => response.writeHead(status, { location }).end();
const robotsNotFound = (response: ServerResponse) => response.writeHead(404).end();

/** Per host: what `/robots.txt` and every other path answer. */
const SITES: Record<string, { robots?: (r: ServerResponse) => void; page: SiteHandler }> = {
  'ok-commune.fr': { page: (_, res) => page('Mairie de Saint-Ok')(res) },
  'candidat.fr': { page: (_, res) => page('Commune de Candidat')(res) },
  'ancienne-mairie.fr': { page: (_, res) => redirect('https://bellecombe.fr/')(res) },
  'bellecombe.fr': { page: (_, res) => page('Mairie de Bellecombe — accueil')(res) },
  'parti-ailleurs.fr': { page: (_, res) => redirect('https://boutique-quelconque.fr/', 302)(res) },
  'boutique-quelconque.fr': { page: (_, res) => page('Boutique', '<p>Achetez nos chaussures</p>')(res) },
  'vers-confiance.fr': { page: (_, res) => redirect('https://ok-commune.fr/')(res) },
  'panne.fr': { robots: robotsNotFound, page: (_, res) => res.writeHead(503).end('maintenance') },
  'parking-ns.fr': { page: (_, res) => page('parking-ns.fr')(res) },
  'a-vendre.fr': { page: (_, res) => page('a-vendre.fr', '<h1>This domain is for sale!</h1><p>Buy this domain today.</p>')(res) },
  'vers-marche.fr': { page: (_, res) => redirect('https://dan.com/buy-domain/vers-marche.fr')(res) },
  'dan.com': { page: (_, res) => page('Buy vers-marche.fr', '<p>Make an offer</p>')(res) },
  'boucle.fr': { page: (req, res) => redirect(req.url === '/a' ? 'https://boucle.fr/b' : 'https://boucle.fr/a', 302)(res) },
  'lent.fr': { page: () => {} /* never answers */ },
  'goutte.fr': { page: (_, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const timer = setInterval(() => res.write(' '), 100);
    res.on('close', () => clearInterval(timer));
  } },
  'sans-fin.fr': { page: (_, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    const chunk = `<p>${'encore '.repeat(2000)}</p>`;
    const pump = () => {
      while (res.write(chunk)) {}
    };
    res.on('drain', pump);
    res.write('<html><head><title>Sans fin</title></head><body>');
    pump();
  } },
  'robots-interdit.fr': { robots: (res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /\n'), page: (_, res) => page('Interdit')(res) },
  'robots-erreur.fr': { robots: (res) => res.writeHead(500).end(), page: (_, res) => page('Erreur')(res) },
  'tls-casse.fr': { page: (_, res) => page('Mairie avec un certificat cassé')(res) },
  'http-seul.fr': { page: (_, res) => page('Mairie sans HTTPS')(res) },
  'vers-intranet.fr': { page: (_, res) => redirect('http://intranet-mairie.fr/')(res) },
  'vers-metadonnees.fr': { page: (_, res) => redirect('http://169.254.169.254/latest/meta-data/')(res) },
  'intranet-mairie.fr': { page: (_, res) => page('Intranet')(res) },
  'prive.fr': { page: (_, res) => page('Privé')(res) },
};

const ZONE: Record<string, TestRecord> = {
  ...Object.fromEntries(Object.keys(SITES).map((host) => [host, { a: [SERVING_ADDRESS] }])),
  'parking-ns.fr': { a: [SERVING_ADDRESS], ns: ['ns1.sedoparking.com', 'ns2.sedoparking.com'] },
  'ancien-service.fr': { cname: 'mairie-ancien-service.azurewebsites.net' },
  'injoignable.fr': { a: [REFUSING_ADDRESS] },
  'http-seul.fr': { a: [HTTP_ONLY_ADDRESS] },
  'intranet-mairie.fr': { a: ['10.0.0.12'] },
  'prive.fr': { a: ['192.168.1.10'] },
};

const SOURCES: Source[] = [
  source('ok-commune.fr', { name: 'Mairie de Saint-Ok' }),
  source('candidat.fr', { status: 'suspended', provenance: 'etalab/communes,unverified' }),
  source('ancienne-mairie.fr', { name: 'Mairie de Bellecombe', code: '73042' }),
  source('parti-ailleurs.fr'),
  source('vers-confiance.fr'),
  source('panne.fr'),
  source('parking-ns.fr'),
  source('a-vendre.fr'),
  source('vers-marche.fr'),
  source('ancien-service.fr'),
  source('boucle.fr', { scope: 'path', path: '/a' }),
  source('lent.fr'),
  source('goutte.fr'),
  source('sans-fin.fr'),
  source('robots-interdit.fr'),
  source('robots-erreur.fr'),
  source('tls-casse.fr'),
  source('http-seul.fr'),
  source('injoignable.fr'),
  source('inexistant.fr'),
  source('vers-intranet.fr'),
  source('vers-metadonnees.fr'),
  source('prive.fr'),
];

const PAGE_CAP = 64 * 1024;

let database: TempDatabase;
let web: SimulatedWeb;
let checks: Map<string, RecordedCheck>;
let findings: CrawlFinding[];

beforeAll(async () => {
  database = await tempDatabase(SOURCES);
  web = await startSimulatedWeb({
    tlsNames: Object.keys(SITES),
    wrongCertificateHosts: new Set(['tls-casse.fr']),
    site: (host) => {
      const site = SITES[host];
      if (site === undefined) return undefined;
      return (request, response) => (request.url === '/robots.txt' ? (site.robots ?? robotsNotFound)(response) : site.page(request, response));
    },
  });
  findings = [];
  const started = await startCrawlRun(database.db, {
    settings: { concurrency: 8, hostDelayMs: 0, requestsPerSecond: 1000, headersTimeoutMs: 800, bodyTimeoutMs: 800, totalTimeoutMs: 1500, connectTimeoutMs: 1000, maxPageBytes: PAGE_CAP },
    resolver: testResolver(zoneOf(ZONE)),
    testing: { addressPolicy: { allowLoopback: true }, portOverrides: { 'https:': web.httpsPort, 'http:': web.httpPort }, trustedCertificates: web.certificates },
    sink: { record: async (finding) => void findings.push(finding) },
  });
  if (!started.ok) throw new Error(JSON.stringify(started));
  await waitForCrawlRun(started.runId);
  checks = new Map((await listChecks(database.db, { runId: started.runId })).map((check) => [check.host, check]));
}, 30_000);

afterAll(async () => {
  await web.close();
  await database.close();
});

const outcomeOf = (host: string) => {
  const check = checks.get(host);
  if (check === undefined) throw new Error(`no check of ${host}`);
  return { outcome: check.outcome, reasons: check.reasons, suggestion: check.suggestion };
};

describe('a run over every kind of site', () => {
  it('checks every source once', () => {
    expect([...checks.keys()].sort()).toEqual(SOURCES.map((s) => s.host).sort());
  });

  it('finds a working site ok, with its page facts and public signals', () => {
    expect(outcomeOf('ok-commune.fr')).toMatchObject({ outcome: 'ok', reasons: ['public:legal-notice'] });
    const evidence = checks.get('ok-commune.fr')?.evidence;
    expect(evidence?.page).toMatchObject({ title: 'Mairie de Saint-Ok', lang: 'fr' });
    expect(evidence?.page?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(evidence?.attempts.map((attempt) => attempt.scheme)).toEqual(['https']);
    expect(evidence?.attempts[0].robots[0]).toMatchObject({ url: 'https://ok-commune.fr/robots.txt', status: 404, verdict: 'allow-all' });
  });

  it('makes an unverified source that checks out a candidate for activation', () => {
    expect(outcomeOf('candidat.fr').outcome).toBe('candidate');
  });

  it('suggests the new address of a site that moved to a page of the same organisation', () => {
    expect(outcomeOf('ancienne-mairie.fr')).toMatchObject({ outcome: 'moved', reasons: ['same-name', 'redirect-to-other-domain', 'target:bellecombe.fr'], suggestion: { host: 'bellecombe.fr' } });
    expect(checks.get('ancienne-mairie.fr')?.evidence.attempts[0].hops.map((hop) => [hop.url, hop.status])).toEqual([
      ['https://ancienne-mairie.fr/', 301],
      ['https://bellecombe.fr/', 200],
    ]);
  });

  it('reports a redirect to another domain, saying whether the target is trusted', () => {
    expect(outcomeOf('parti-ailleurs.fr')).toMatchObject({ outcome: 'redirected', reasons: ['redirect-to-other-domain', 'target:boutique-quelconque.fr', 'untrusted-target'] });
    expect(outcomeOf('vers-confiance.fr')).toMatchObject({ outcome: 'redirected', reasons: ['redirect-to-other-domain', 'target:ok-commune.fr', `trusted-target:${SOURCES[0].id}`] });
  });

  it('records a single 5xx as failing, not as unreachable', () => {
    expect(outcomeOf('panne.fr')).toMatchObject({ outcome: 'failing', reasons: ['http-503', 'failures:1'] });
  });

  it('flags parking nameservers, parking pages and marketplace redirects as suspicious', () => {
    expect(outcomeOf('parking-ns.fr')).toMatchObject({ outcome: 'suspicious', reasons: ['parking-nameserver', 'nameserver:ns1.sedoparking.com'] });
    expect(outcomeOf('a-vendre.fr').outcome).toBe('suspicious');
    expect(outcomeOf('a-vendre.fr').reasons[0]).toBe('parking-page');
    expect(outcomeOf('vers-marche.fr')).toMatchObject({ outcome: 'suspicious', reasons: ['marketplace-redirect', 'marketplace:dan.com'] });
  });

  it('flags a CNAME to a deprovisioned cloud host (subdomain takeover)', () => {
    expect(outcomeOf('ancien-service.fr')).toMatchObject({ outcome: 'suspicious', reasons: ['dangling-cname', 'takeover-host:azurewebsites.net'] });
    expect(checks.get('ancien-service.fr')?.evidence.dns).toMatchObject({ cnameChain: ['mairie-ancien-service.azurewebsites.net'], cnameTargetError: 'ENOTFOUND' });
  });

  it('stops at a redirect loop', () => {
    expect(outcomeOf('boucle.fr').reasons[0]).toBe('redirect-loop');
    expect(checks.get('boucle.fr')?.evidence.attempts[0].hops.map((hop) => hop.url)).toEqual(['https://boucle.fr/a', 'https://boucle.fr/b']);
  });

  it('gives up on a server that never answers, and on one that drips its page forever', () => {
    expect(outcomeOf('lent.fr')).toMatchObject({ outcome: 'failing' });
    expect(outcomeOf('lent.fr').reasons[0]).toMatch(/^timeout:/);
    // An accepted connection that never answers is not retried over HTTP.
    expect(checks.get('lent.fr')?.evidence.attempts).toHaveLength(1);
    expect(outcomeOf('goutte.fr').reasons[0]).toBe('timeout:ETIMEDOUT');
  });

  it('reads no more than the size cap of an endless page', () => {
    expect(outcomeOf('sans-fin.fr').outcome).toBe('ok');
    expect(checks.get('sans-fin.fr')?.evidence.attempts[0].hops[0]).toMatchObject({ status: 200, truncated: true, bytes: PAGE_CAP });
    expect(checks.get('sans-fin.fr')?.evidence.page?.title).toBe('Sans fin');
  });

  it('fetches nothing that robots.txt disallows, and nothing at all when robots.txt answers 5xx', () => {
    expect(outcomeOf('robots-interdit.fr').outcome).toBe('disallowed');
    expect(outcomeOf('robots-erreur.fr')).toMatchObject({ outcome: 'failing', reasons: ['robots-http-500', 'failures:1'] });
    const asked = web.requests.filter((request) => request.startsWith('robots-interdit.fr ') || request.startsWith('robots-erreur.fr '));
    expect(asked.sort()).toEqual(['robots-erreur.fr /robots.txt', 'robots-interdit.fr /robots.txt']);
  });

  it('records a TLS error and falls back to HTTP; falls back too when HTTPS is refused', () => {
    const tls = checks.get('tls-casse.fr')?.evidence;
    expect(tls?.attempts.map((attempt) => attempt.scheme)).toEqual(['https', 'http']);
    expect(tls?.attempts[0].robots[0].failure).toMatchObject({ kind: 'tls', code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect(outcomeOf('tls-casse.fr').outcome).toBe('ok');
    expect(checks.get('http-seul.fr')?.evidence.attempts[0].robots[0].failure?.kind).toBe('refused');
    expect(outcomeOf('http-seul.fr').outcome).toBe('ok');
  });

  it('records refused connections and unknown names as failures', () => {
    expect(outcomeOf('injoignable.fr')).toMatchObject({ outcome: 'failing', reasons: ['refused:ECONNREFUSED', 'failures:1'] });
    expect(outcomeOf('inexistant.fr')).toMatchObject({ outcome: 'failing', reasons: ['dns-nxdomain', 'failures:1'] });
  });

  it('never connects to a private address, whether DNS gives it first or a redirect leads there', () => {
    expect(outcomeOf('prive.fr').reasons[0]).toBe('non-public-address:ERR_SDC_NON_PUBLIC_ADDRESS');
    expect(outcomeOf('vers-intranet.fr').outcome).toBe('suspicious');
    expect(outcomeOf('vers-intranet.fr').reasons).toEqual(['redirect-to-non-public-address', expect.stringContaining('10.0.0.12 (private)')]);
    expect(outcomeOf('vers-metadonnees.fr')).toMatchObject({ outcome: 'suspicious', reasons: ['redirect-to-non-public-address', '169.254.169.254 (linkLocal)'] });
    expect(web.requests.filter((request) => /^(prive|intranet-mairie)\.fr /.test(request))).toEqual([]);
  });

  it('hands every finding to the sink, and nothing else', () => {
    const findingHosts = [...checks.values()].filter((check) => check.finding).map((check) => check.host).sort();
    expect(findings.map((finding) => finding.host).sort()).toEqual(findingHosts);
    expect(findingHosts).toContain('candidat.fr');
    expect(findingHosts).not.toContain('ok-commune.fr');
    expect(findingHosts).not.toContain('panne.fr');
    expect(findings.find((finding) => finding.host === 'ancienne-mairie.fr')).toMatchObject({ outcome: 'moved', suggestion: { host: 'bellecombe.fr' } });
    expect([...checks.values()].filter((check) => check.finding).every((check) => check.deliveredAt !== null)).toBe(true);
  });

  it('never changes a source', async () => {
    const rows = await database.db.selectFrom('sources').select(['host', 'status', 'revision']).execute();
    expect(rows.every((row) => row.revision === 1)).toBe(true);
    expect(rows.find((row) => row.host === 'a-vendre.fr')?.status).toBe('active');
  });

  it('sends an identifying User-Agent with a contact address', () => {
    expect([...web.userAgents]).toEqual([expect.stringMatching(/SourcesDeConfianceBot\/[\d.]+; \+https:\/\//)]);
  });
});
