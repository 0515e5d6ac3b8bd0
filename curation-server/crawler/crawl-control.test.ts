import { afterEach, describe, expect, it } from 'vitest';
import type { Source } from '../../corpus/source.ts';
import { listReviewItems } from '../review/review-queue.ts';
import { type TempDatabase, tempDatabase } from '../testing/temp-database.ts';
import { crawlControl } from './crawl-control.ts';
import { waitForCrawlRun } from './crawl-runs.ts';
import { htmlPage, SERVING_ADDRESS, type SimulatedWeb, startSimulatedWeb } from './testing/simulated-web.ts';
import { testResolver } from './testing/test-resolver.ts';
import { makeValidSource } from '../../corpus/testing/make-source.ts';

const source = (host: string, status: Source['status'], provenance: string): Source => makeValidSource(host, { status, provenance });

describe('the crawler as the console drives it', () => {
  let database: TempDatabase | undefined;
  let web: SimulatedWeb | undefined;
  afterEach(async () => {
    await web?.close();
    await database?.close();
  });

  it('runs from the console control, hands its findings to the review queue, and reports progress in the queue\'s words', async () => {
    const sources = [
      source('mairie-saine.fr', 'active', 'etalab/verified'),
      source('mairie-garee.fr', 'active', 'etalab/verified'),
      source('mairie-oubliee.fr', 'suspended', 'etalab/communes,unverified'),
    ];
    database = await tempDatabase(sources);
    web = await startSimulatedWeb({
      tlsNames: sources.map((s) => s.host),
      site: () => (request, response) =>
        request.url === '/robots.txt' ? response.writeHead(404).end() : response.writeHead(200, { 'content-type': 'text/html' }).end(htmlPage('Mairie', '<p>Bienvenue à la mairie. <a href="https://www.service-public.fr/">Service-Public.fr</a></p>')),
    });
    const control = crawlControl(database.db, {
      settings: { hostDelayMs: 0, requestsPerSecond: 1000 },
      // mairie-garee.fr's nameservers are a parking service's.
      resolver: testResolver((name) => ({ a: [SERVING_ADDRESS], ...(name === 'mairie-garee.fr' ? { ns: ['ns1.sedoparking.com', 'ns2.sedoparking.com'] } : {}) })),
      testing: { addressPolicy: { allowLoopback: true }, portOverrides: { 'https:': web.httpsPort, 'http:': web.httpPort }, trustedCertificates: web.certificates },
    });
    const runId = await control.startCrawlRun({ startedBy: 'curatrice@example.org' });
    // A second start while it runs shows the same run.
    expect(await control.startCrawlRun({ startedBy: 'curatrice@example.org' })).toBe(runId);
    await waitForCrawlRun(runId);

    const progress = await control.crawlRunProgress(runId);
    expect(progress).toMatchObject({ state: 'done', checked: 3, total: 3, outcomes: { ok: 1, suspicious: 1, candidate: 1 } });
    expect((await control.listCrawlRuns())[0]).toMatchObject({ id: runId, state: 'done' });

    const { items } = await listReviewItems(database.db, { state: 'open', page: 1, perPage: 50 });
    const byHost = Object.fromEntries(items.map((item) => [item.host, item]));
    expect(Object.keys(byHost).sort()).toEqual(['mairie-garee.fr', 'mairie-oubliee.fr']);
    expect(byHost['mairie-garee.fr']).toMatchObject({ kind: 'crawl', reason: 'suspicious' });
    expect(JSON.stringify(byHost['mairie-garee.fr'].evidence)).toContain('sedoparking');
    expect(byHost['mairie-oubliee.fr']).toMatchObject({ kind: 'crawl', reason: 'candidate' });
    // The crawler changed no source.
    const statuses = await database.db.selectFrom('sources').select(['host', 'status']).orderBy('host').execute();
    expect(statuses).toEqual([
      { host: 'mairie-garee.fr', status: 'active' },
      { host: 'mairie-oubliee.fr', status: 'suspended' },
      { host: 'mairie-saine.fr', status: 'active' },
    ]);
  });
});
