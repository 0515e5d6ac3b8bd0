import { afterEach, describe, expect, it } from 'vitest';
import type { Source } from '../../corpus/source.ts';
import { type TempDatabase, tempDatabase } from '../testing/temp-database.ts';
import { listChecks } from './check-records.ts';
import { crawlRunProgress, waitForCrawlRun } from './crawl-runs.ts';
import { batchSize, startCrawlSchedule } from './crawl-schedule.ts';
import type { CrawlRunProgress } from './crawl-runs.ts';
import { progressLine } from './progress-line.ts';
import { htmlPage, SERVING_ADDRESS, type SimulatedWeb, startSimulatedWeb } from './testing/simulated-web.ts';
import { testResolver } from './testing/test-resolver.ts';
import { makeValidSource } from '../../corpus/testing/make-source.ts';

const source = (host: string): Source => makeValidSource(host, { provenance: 'etalab/verified' });

describe('batchSize', () => {
  it('spreads a full pass over the period, and never asks for more than there is', () => {
    expect(batchSize(47_000, 3600_000, 7 * 24 * 3600_000)).toBe(280);
    expect(batchSize(10, 3600_000, 1800_000)).toBe(10);
    expect(batchSize(0, 3600_000, 7 * 24 * 3600_000)).toBe(0);
  });
});

describe('startCrawlSchedule', () => {
  let database: TempDatabase | undefined;
  let web: SimulatedWeb | undefined;
  afterEach(async () => {
    await web?.close();
    await database?.close();
  });

  it('checks the least recently checked batch at each step, so that a pass covers every source', async () => {
    const sources = ['a-commune.fr', 'b-commune.fr', 'c-commune.fr', 'd-commune.fr'].map(source);
    database = await tempDatabase(sources);
    web = await startSimulatedWeb({ tlsNames: sources.map((s) => s.host), site: () => (request, response) => (request.url === '/robots.txt' ? response.writeHead(404).end() : response.writeHead(200, { 'content-type': 'text/html' }).end(htmlPage('Mairie', '<p>Bienvenue</p>'))) });
    const schedule = startCrawlSchedule(database.db, {
      everyMs: 3600_000,
      fullPassMs: 2 * 3600_000,
      firstRunAfterMs: 3600_000,
      settings: { hostDelayMs: 0, requestsPerSecond: 1000 },
      resolver: testResolver(() => ({ a: [SERVING_ADDRESS] })),
      testing: { addressPolicy: { allowLoopback: true }, portOverrides: { 'https:': web.httpsPort, 'http:': web.httpPort }, trustedCertificates: web.certificates },
    });
    const hostsOfStep = async () => {
      const started = await schedule.tick();
      if (started === null || !started.ok) throw new Error(JSON.stringify(started));
      await waitForCrawlRun(started.runId);
      expect((await crawlRunProgress(database!.db, started.runId))?.trigger).toBe('schedule');
      return (await listChecks(database!.db, { runId: started.runId })).map((check) => check.host);
    };
    const first = await hostsOfStep();
    const second = await hostsOfStep();
    const third = await hostsOfStep();
    schedule.stop();
    expect(first).toHaveLength(2);
    expect([...first, ...second].sort()).toEqual(sources.map((s) => s.host));
    expect(third).toEqual(first);
  });
});

describe('progressLine', () => {
  const progress: CrawlRunProgress = { runId: 7, state: 'running', trigger: 'cli', actor: 'système', total: 200, checked: 50, findings: 3, outcomes: { ok: 45, candidate: 0, moved: 1, redirected: 0, unreachable: 0, suspicious: 2, failing: 2, disallowed: 0 }, startedAt: '2026-11-20T10:00:00.000Z', finishedAt: null, perMinute: 120.4, eta: '2026-11-20T10:02:15.000Z' };
  it('draws a bar with the rate and the expected end on a terminal, and a plain line elsewhere', () => {
    expect(progressLine(progress, 20)).toBe('[#####...............] 50/200 25 % · 120/min · fin vers 10:02 UTC');
    expect(progressLine(progress, null)).toBe('passe 7 : 50/200 (25 %) · 120/min · fin vers 10:02 UTC · ok 45 · moved 1 · suspicious 2 · failing 2');
  });
});
