/**
 * The crawler side of the crawl benchmark, in its own process started like `npm run crawl` (same
 * heap setting, see package.json), so that its peak memory is the crawler's alone: one run over
 * the database the benchmark seeded, names resolved as crawl-hosts.ts says. Prints one JSON line.
 */
import { startCrawlRun, waitForCrawlRun } from '../../curation-server/crawler/crawl-runs.ts';
import { HTTP_ONLY_ADDRESS, REFUSING_ADDRESS, SERVING_ADDRESS } from '../../curation-server/crawler/testing/simulated-web.ts';
import { testResolver } from '../../curation-server/crawler/testing/test-resolver.ts';
import { openDatabase } from '../../curation-server/db/open-database.ts';
import { AWAY_DOMAIN, behaviourOf, indexOfHost, SOURCE_DOMAIN } from './crawl-hosts.ts';

const { databasePath, httpsPort, httpPort, certificates } = JSON.parse(process.argv[2]) as { databasePath: string; httpsPort: number; httpPort: number; certificates: string[] };

const resolver = testResolver((name) => {
  if (name === SOURCE_DOMAIN || name === AWAY_DOMAIN) return { ns: ['ns1.hebergeur-public.fr', 'ns2.hebergeur-public.fr'] };
  const index = indexOfHost(name);
  if (index === null) return undefined;
  if (name.endsWith(`.${AWAY_DOMAIN}`)) return { a: [SERVING_ADDRESS] };
  const behaviour = behaviourOf(index);
  if (behaviour.kind === 'refuse') return { a: [REFUSING_ADDRESS] };
  return { a: [behaviour.kind === 'ok' && behaviour.httpOnly ? HTTP_ONLY_ADDRESS : SERVING_ADDRESS] };
});

const db = await openDatabase(databasePath);
const started = performance.now();
const run = await startCrawlRun(db, {
  // 200 sources at a time, 400 requests/s; politeness as by default (1 s between two requests to a host); 5 s timeouts.
  settings: { concurrency: 200, requestsPerSecond: 400, headersTimeoutMs: 5_000, bodyTimeoutMs: 5_000, totalTimeoutMs: 5_000, connectTimeoutMs: 5_000 },
  resolver,
  testing: { addressPolicy: { allowLoopback: true }, portOverrides: { 'https:': httpsPort, 'http:': httpPort }, trustedCertificates: certificates },
});
if (!run.ok) throw new Error(JSON.stringify(run));
await waitForCrawlRun(run.runId);
const elapsedMs = performance.now() - started;
await db.destroy();
console.log(JSON.stringify({ runId: run.runId, elapsedMs, peakRssKb: process.resourceUsage().maxRSS }));
