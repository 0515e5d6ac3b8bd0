/**
 * Test-only: a crawl run in its own process, against the simulated web (every name resolves to
 * 127.0.0.1), so that a test can kill it mid-run like a crash. Settings come as JSON in argv[2].
 */
import { openDatabase } from '../../db/open-database.ts';
import { startCrawlRun, waitForCrawlRun } from '../crawl-runs.ts';
import { SERVING_ADDRESS } from './simulated-web.ts';
import { testResolver } from './test-resolver.ts';

const { databasePath, httpsPort, httpPort, certificates } = JSON.parse(process.argv[2]) as { databasePath: string; httpsPort: number; httpPort: number; certificates: string[] };
const db = await openDatabase(databasePath);
const started = await startCrawlRun(db, {
  settings: { concurrency: 2, hostDelayMs: 0, requestsPerSecond: 1000 },
  resolver: testResolver(() => ({ a: [SERVING_ADDRESS] })),
  testing: { addressPolicy: { allowLoopback: true }, portOverrides: { 'https:': httpsPort, 'http:': httpPort }, trustedCertificates: certificates },
});
if (!started.ok) throw new Error(JSON.stringify(started));
console.log(`run ${started.runId}`);
await waitForCrawlRun(started.runId);
await db.destroy();
