/**
 * Latency of the console's sources list with a search term, at the size of the real list, under
 * concurrent load on loopback: the seed corpus (55,408 sources) in a fresh database, the server
 * started as `npm start` runs it (its own process), a signed-in curator, and autocannon sending
 * list requests that cycle through search terms and filters. Prints console_search_p50_ms and
 * console_search_p95_ms (goal: p95 < 50 ms), with the figures that frame them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { readSeedCorpus } from '../../corpus/node/seed-corpus-file.ts';
import { createUser } from '../../curation-server/auth/users.ts';
import { openDatabase } from '../../curation-server/db/open-database.ts';
import { seedFromCorpus } from '../../curation-server/db/seed-corpus.ts';
import { startCurationServer } from '../../curation-server/testing/server-process.ts';
import { median, percentile, report } from './report.ts';

const CONNECTIONS = 10;
const SECONDS = 10;
const PASSWORD = 'une phrase de passe pour le banc';
const SEARCHES = [
  'q=lyon',
  'q=mairie',
  'q=besancon&status=active',
  'q=saint+etienne',
  'q=ac-',
  'q=prefecture&category=prefecture',
  'q=75056',
  'q=ville&sort=name',
  'q=ain.gouv.fr',
  'q=https%3A%2F%2Fwww.nantes.fr%2Fdemarches',
  'q=college&category=education&page=3',
  'q=hopital&validation=upstream',
  'q=universite',
  'q=communaute+de+communes',
  'q=bretagne&sort=updated&order=desc',
  'q=34&status=suspended',
];

const directory = mkdtempSync(join(tmpdir(), 'sdc-bench-'));
const databasePath = join(directory, 'curation.sqlite');
try {
  const db = await openDatabase(databasePath);
  const sources = readSeedCorpus().sources;
  const seedStart = performance.now();
  await seedFromCorpus(db, () => sources);
  report('seed_sources', sources.length, 'sources');
  report('seed_ms', performance.now() - seedStart, 'ms');
  await createUser(db, { email: 'bench@example.org', role: 'curator', password: PASSWORD });
  await db.destroy();

  const server = await startCurationServer({ databasePath });
  try {
    const cookie = await signIn(server.url);
    const requests = SEARCHES.map((search) => ({ method: 'GET' as const, path: `/sources?${search}` }));
    // A short warm-up (JIT, SQLite page cache), not measured.
    await run(server.url, cookie, requests, 2, () => {});
    const times: number[] = [];
    let failures = 0;
    const result = await run(server.url, cookie, requests, SECONDS, (status, time) => {
      if (status === 200) times.push(time);
      else failures++;
    });
    if (times.length === 0) throw new Error(`no successful response (${failures} failures)`);
    report('console_search_connections', CONNECTIONS, 'connections');
    report('console_search_requests', times.length, 'requests');
    report('console_search_failures', failures + result.errors + result.timeouts, 'requests');
    report('console_search_per_s', times.length / SECONDS, 'requests/s');
    report('console_search_p50_ms', median(times), 'ms');
    report('console_search_p95_ms', percentile(times, 95), 'ms');
    report('console_search_p99_ms', percentile(times, 99), 'ms');
  } finally {
    await server.stop();
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}

async function signIn(url: string): Promise<string> {
  const form = await fetch(`${url}/login`);
  const preSession = form.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const response = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: preSession, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: token, email: 'bench@example.org', password: PASSWORD }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.startsWith('sdc_session='));
  if (response.status !== 303 || session === undefined) throw new Error(`sign-in failed: ${response.status}`);
  return session.split(';')[0];
}

function run(url: string, cookie: string, requests: { method: 'GET'; path: string }[], seconds: number, onResponse: (status: number, time: number) => void) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: { cookie, 'accept-language': 'fr' }, requests }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    instance.on('response', (_client, status, _bytes, time) => onResponse(status, time));
  });
}
