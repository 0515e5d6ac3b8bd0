import { spawn } from 'node:child_process';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { Source } from '../../corpus/source.ts';
import { type TempDatabase, tempDatabase } from '../testing/temp-database.ts';
import { listChecks } from './check-records.ts';
import { cancelCrawlRun, type CrawlFinding, type CrawlRunOptions, crawlRunProgress, interruptedCrawlRuns, listCrawlRuns, plannedSourceIds, resumeCrawlRun, STALE_HEARTBEAT_MS, startCrawlRun, waitForCrawlRun } from './crawl-runs.ts';
import { htmlPage, SERVING_ADDRESS, type SimulatedWeb, type SiteHandler, startSimulatedWeb } from './testing/simulated-web.ts';
import { testResolver } from './testing/test-resolver.ts';
import { makeValidSource } from '../../corpus/testing/make-source.ts';

const source = (host: string, fields: Partial<Source> = {}): Source => makeValidSource(host, { provenance: 'etalab/verified', ...fields });

const OFFICIAL = htmlPage('Mairie de Saint-Exemple', '<p>Bienvenue sur le site officiel de la mairie de Saint-Exemple : horaires, état civil, conseil municipal, écoles et associations de la commune.</p><a href="https://www.service-public.fr/">Service-public.fr</a><a href="/mentions-legales">Mentions légales</a>');
const CASINO = htmlPage('Meilleur casino en ligne 2026', '<p>Jouez au meilleur casino en ligne, machines à sous gratuites, bonus de bienvenue et paris sportifs : inscrivez-vous maintenant et gagnez gros ce soir.</p>');

let database: TempDatabase | undefined;
let web: SimulatedWeb | undefined;
afterEach(async () => {
  await web?.close();
  await database?.close();
  web = undefined;
  database = undefined;
});

async function setUp(sources: Source[], site: (host: string, path: string) => ((response: ServerResponse) => void) | undefined): Promise<{ db: TempDatabase; web: SimulatedWeb; options: (extra?: Partial<CrawlRunOptions>) => CrawlRunOptions }> {
  database = await tempDatabase(sources);
  web = await startSimulatedWeb({
    tlsNames: sources.map((s) => s.host),
    site: (host): SiteHandler | undefined => (request, response) => {
      if (request.url === '/robots.txt') return void response.writeHead(404).end();
      const handler = site(host, request.url ?? '/');
      if (handler === undefined) return void response.writeHead(404).end();
      handler(response);
    },
  });
  const served = web;
  return {
    db: database,
    web: served,
    options: (extra = {}) => ({
      settings: { concurrency: 4, hostDelayMs: 0, requestsPerSecond: 1000, headersTimeoutMs: 2000, totalTimeoutMs: 3000 },
      resolver: testResolver(() => ({ a: [SERVING_ADDRESS] })),
      testing: { addressPolicy: { allowLoopback: true }, portOverrides: { 'https:': served.httpsPort, 'http:': served.httpPort }, trustedCertificates: served.certificates },
      ...extra,
    }),
  };
}

async function runToEnd(db: TempDatabase, options: CrawlRunOptions): Promise<number> {
  const started = await startCrawlRun(db.db, options);
  if (!started.ok) throw new Error(JSON.stringify(started));
  await waitForCrawlRun(started.runId);
  return started.runId;
}

const ok = (body: string) => (response: ServerResponse) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
const DAY = 24 * 3600_000;

describe('crawl runs', () => {
  it('flags a site unreachable only after failures in a row that lasted days, and forgets them once it answers', async () => {
    let down = true;
    const { db, options } = await setUp([source('fragile.fr')], () => (down ? (response) => response.writeHead(502).end() : ok(OFFICIAL)));
    const start = Date.parse('2026-11-01T03:00:00Z');
    const outcomes: string[] = [];
    const crawlAt = async (time: number) => {
      const runId = await runToEnd(db, options({ clock: () => new Date(time) }));
      outcomes.push((await listChecks(db.db, { runId }))[0].outcome);
    };
    await crawlAt(start);
    await crawlAt(start + 1 * 3600_000); // a second failure an hour later: still a blip
    await crawlAt(start + 1 * DAY);
    await crawlAt(start + 3 * DAY);
    down = false;
    await crawlAt(start + 4 * DAY);
    down = true;
    await crawlAt(start + 5 * DAY);
    expect(outcomes).toEqual(['failing', 'failing', 'failing', 'unreachable', 'ok', 'failing']);
  });

  it('flags a drastic change of content that lost every public-body signal (a new owner)', async () => {
    let body = OFFICIAL;
    const { db, options } = await setUp([source('saint-exemple.fr')], () => ok(body));
    const first = await runToEnd(db, options());
    body = CASINO;
    const second = await runToEnd(db, options());
    const [before] = await listChecks(db.db, { runId: first });
    const [after] = await listChecks(db.db, { runId: second });
    expect(before.outcome).toBe('ok');
    expect(after.outcome).toBe('suspicious');
    expect(after.reasons).toEqual(expect.arrayContaining(['owner-change', 'public-signals-lost']));
    expect(after.finding).toBe(true);
  });

  it('plans the least recently checked sources first and leaves removed ones out', async () => {
    const sources = [source('premier.fr'), source('deuxieme.fr'), source('troisieme.fr'), source('retire.fr', { status: 'removed' })];
    const { db, options } = await setUp(sources, () => ok(OFFICIAL));
    expect(await plannedSourceIds(db.db, undefined)).toEqual([sources[0].id, sources[1].id, sources[2].id]);
    await runToEnd(db, options({ limit: 2 }));
    expect(await plannedSourceIds(db.db, undefined)).toEqual([sources[2].id, sources[0].id, sources[1].id]);
    await runToEnd(db, options({ limit: 1 }));
    expect(await plannedSourceIds(db.db, 2)).toEqual([sources[0].id, sources[1].id]);
  });

  it('sends one request at a time to a host, even for several sources on it', async () => {
    const paths = ['/site/a', '/site/b', '/site/c', '/site/d', '/site/e', '/site/f'];
    const sources = paths.map((path) => source('sites.example-hebergeur.fr', { scope: 'path', path, id: `s${path.slice(-1).repeat(11)}` }));
    let inFlight = 0;
    let most = 0;
    const { db, options } = await setUp([sources[0]], () => (response) => {
      inFlight++;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight--;
        ok(OFFICIAL)(response);
      }, 30);
    });
    await db.db.insertInto('sources').values(sources.slice(1).map((s, i) => ({ ...s, name_key: '', validation: 'upstream' as const, revision: 1, updated_at: '2026-11-01T00:00:00Z', seq: 100 + i }))).execute();
    const runId = await runToEnd(db, options({ settings: { concurrency: 6, hostDelayMs: 5, requestsPerSecond: 1000 } }));
    expect((await listChecks(db.db, { runId })).map((check) => check.outcome)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect(most).toBe(1);
  });

  it('refuses loopback addresses in production mode, before any connection', async () => {
    const { db, web: served, options } = await setUp([source('boucle-locale.fr')], () => ok(OFFICIAL));
    const runId = await runToEnd(db, options({ testing: { portOverrides: { 'https:': served.httpsPort, 'http:': served.httpPort }, trustedCertificates: served.certificates } }));
    const [check] = await listChecks(db.db, { runId });
    expect(check.reasons[0]).toBe('non-public-address:ERR_SDC_NON_PUBLIC_ADDRESS');
    expect(served.requests).toEqual([]);
  });

  it('shows progress, refuses a second run meanwhile, and cancels: checks under way are dropped, finished ones kept', async () => {
    const sources = Array.from({ length: 12 }, (_, i) => source(`lente-${i}.fr`));
    const release: (() => void)[] = [];
    const { db, options } = await setUp(sources, () => (response) => release.push(() => ok(OFFICIAL)(response)));
    const started = await startCrawlRun(db.db, options({ settings: { concurrency: 2, hostDelayMs: 0, requestsPerSecond: 1000, headersTimeoutMs: 60_000, totalTimeoutMs: 60_000 } }));
    if (!started.ok) throw new Error('not started');
    expect(await startCrawlRun(db.db, options())).toEqual({ ok: false, reason: 'already-running', runId: started.runId });
    const answered = async (count: number) => {
      while ((await listChecks(db.db, { runId: started.runId })).length < count) {
        release.shift()?.();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    await answered(4);
    const progress = await crawlRunProgress(db.db, started.runId);
    expect(progress).toMatchObject({ state: 'running', total: 12, trigger: 'cli', actor: 'système' });
    expect(progress?.checked).toBeGreaterThanOrEqual(4);
    expect(progress?.eta).not.toBeNull();
    expect(await cancelCrawlRun(db.db, started.runId)).toBe(true);
    for (const next of release.splice(0)) next();
    await waitForCrawlRun(started.runId);
    const kept = await listChecks(db.db, { runId: started.runId });
    expect(kept.length).toBeGreaterThanOrEqual(4);
    expect(kept.length).toBeLessThan(12);
    const after = await crawlRunProgress(db.db, started.runId);
    expect(after).toMatchObject({ state: 'cancelled', checked: kept.length, eta: null });
    expect(after?.outcomes.ok).toBe(kept.length);
    expect(await interruptedCrawlRuns(db.db)).toEqual([]);
    expect(await resumeCrawlRun(db.db, started.runId, options())).toEqual({ ok: false, reason: 'not-resumable', runId: started.runId });
  });

  it('resumes a run after its process was killed, without checking again what was committed', async () => {
    const sources = Array.from({ length: 16 }, (_, i) => source(`commune-${i}.fr`));
    const { db, web: served, options } = await setUp(sources, () => (response) => setTimeout(() => ok(OFFICIAL)(response), 60));
    const child = spawn(process.execPath, ['--import', 'tsx', new URL('./testing/crawl-child.ts', import.meta.url).pathname, JSON.stringify({ databasePath: db.path, httpsPort: served.httpsPort, httpPort: served.httpPort, certificates: served.certificates })], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let committed = 0;
    while (committed < 5) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      committed = (await db.db.selectFrom('crawl_checks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    }
    child.kill('SIGKILL');
    await exited;
    const before = await listChecks(db.db, {});
    const requestsAtCrash = served.requests.length;
    const [runId] = await interruptedCrawlRuns(db.db, new Date(Date.now() + STALE_HEARTBEAT_MS + 1000));
    expect(runId).toBe(before[0].runId);
    expect(await crawlRunProgress(db.db, runId, new Date(Date.now() + STALE_HEARTBEAT_MS + 1000))).toMatchObject({ state: 'interrupted', checked: before.length });

    const resumed = await resumeCrawlRun(db.db, runId, options({ clock: () => new Date(Date.now() + STALE_HEARTBEAT_MS + 1000) }));
    expect(resumed).toEqual({ ok: true, runId });
    await waitForCrawlRun(runId);
    const all = await listChecks(db.db, { runId });
    expect(all.map((check) => check.host).sort()).toEqual(sources.map((s) => s.host).sort());
    const askedAgain = new Set(served.requests.slice(requestsAtCrash).map((request) => request.split(' ')[0]));
    for (const check of before) expect(askedAgain.has(check.host)).toBe(false);
    expect((await crawlRunProgress(db.db, runId))?.state).toBe('finished');
  }, 30_000);

  it('hands a finding again on resume when the sink failed to take it', async () => {
    const { db, options } = await setUp([source('a-revoir.fr', { status: 'suspended' })], () => ok(OFFICIAL));
    const started = await startCrawlRun(db.db, options({ sink: { record: async () => Promise.reject(new Error('queue down')) } }));
    if (!started.ok) throw new Error('not started');
    await waitForCrawlRun(started.runId);
    const [check] = await listChecks(db.db, { runId: started.runId });
    expect(check).toMatchObject({ finding: true, deliveredAt: null, outcome: 'ok' });
    // The run finished; a later run of the same records is what redelivers (here: the run row put back as interrupted by a crash).
    await db.db.updateTable('crawl_runs').set({ state: 'running', finished_at: null, heartbeat_at: '2026-01-01T00:00:00.000Z' }).where('id', '=', started.runId).execute();
    const received: CrawlFinding[] = [];
    expect(await resumeCrawlRun(db.db, started.runId, options({ sink: { record: async (finding) => void received.push(finding) } }))).toEqual({ ok: true, runId: started.runId });
    await waitForCrawlRun(started.runId);
    expect(received.map((finding) => [finding.host, finding.outcome, finding.checkId])).toEqual([['a-revoir.fr', 'ok', check.id]]);
    expect((await listChecks(db.db, { runId: started.runId }))[0].deliveredAt).not.toBeNull();
  });

  it('lists runs newest first with their outcomes, for the chart of outcomes over time', async () => {
    let status = 200;
    const { db, options } = await setUp([source('un.fr'), source('deux.fr')], (host) => (response) => (host === 'deux.fr' ? response.writeHead(status).end() : ok(OFFICIAL)(response)));
    const first = await runToEnd(db, options());
    status = 500;
    const second = await runToEnd(db, options({ trigger: 'schedule' }));
    const runs = await listCrawlRuns(db.db);
    expect(runs.map((run) => [run.runId, run.state, run.trigger, run.total, run.checked, run.outcomes.ok, run.outcomes.failing])).toEqual([
      [second, 'finished', 'schedule', 2, 2, 1, 1],
      [first, 'finished', 'cli', 2, 2, 2, 0],
    ]);
  });

  it('skips a source whose check meets a bug, and finishes the run', async () => {
    const { db, options } = await setUp([source('bogue.fr'), source('sain.fr')], () => ok(OFFICIAL));
    const answers = testResolver(() => ({ a: [SERVING_ADDRESS] }));
    // A resolver that breaks its contract for one name stands for any bug met on one site.
    const resolver = { ...answers, resolve4: async (name: string) => (name === 'bogue.fr' ? (null as unknown as string[]) : answers.resolve4(name)) };
    const runId = await runToEnd(db, options({ resolver }));
    expect((await listChecks(db.db, { runId })).map((check) => [check.host, check.outcome])).toEqual([['sain.fr', 'ok']]);
    expect((await crawlRunProgress(db.db, runId))?.state).toBe('finished');
  });

  it('keeps checks append-only', async () => {
    const { db, options } = await setUp([source('histoire.fr')], () => ok(OFFICIAL));
    const runId = await runToEnd(db, options());
    await expect(db.db.updateTable('crawl_checks').set({ outcome: 'suspicious' }).where('run_id', '=', runId).execute()).rejects.toThrow(/append-only/);
    await expect(db.db.deleteFrom('crawl_checks').execute()).rejects.toThrow(/append-only/);
  });
});
