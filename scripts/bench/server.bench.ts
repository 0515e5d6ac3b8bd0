/**
 * Latency of the console's sources list with a search term, at the size of the real list, under
 * concurrent load on loopback: the seed corpus (55,408 sources) in a fresh database, the server
 * started as `npm start` runs it (its own process), a signed-in curator, and autocannon sending
 * list requests that cycle through search terms and filters, each connection sending its next
 * request as soon as the last one is answered.
 *
 * Two loads: 4 connections — a handful of curators all searching at the same instant, back to back,
 * which is already far above the console's real use — gives console_search_p50_ms and
 * console_search_p95_ms (goal: p95 < 50 ms); 10 connections saturate the server (one Node thread,
 * sharing two cores with autocannon), where latency is mostly queueing: console_search_10c_* .
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

const LOADS = [
  { connections: 4, prefix: 'console_search' },
  { connections: 10, prefix: 'console_search_10c' },
];
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
    await run(server.url, cookie, requests, 4, 2, () => {});
    for (const { connections, prefix } of LOADS) {
      const times: number[] = [];
      let failures = 0;
      const result = await run(server.url, cookie, requests, connections, SECONDS, (status, time) => {
        if (status === 200) times.push(time);
        else failures++;
      });
      if (times.length === 0) throw new Error(`no successful response (${failures} failures)`);
      report(`${prefix}_connections`, connections, 'connections');
      report(`${prefix}_requests`, times.length, 'requests');
      report(`${prefix}_failures`, failures + result.errors + result.timeouts, 'requests');
      report(`${prefix}_per_s`, times.length / SECONDS, 'requests/s');
      report(`${prefix}_p50_ms`, median(times), 'ms');
      report(`${prefix}_p95_ms`, percentile(times, 95), 'ms');
      report(`${prefix}_p99_ms`, percentile(times, 99), 'ms');
    }
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

function run(
  url: string,
  cookie: string,
  requests: { method: 'GET'; path: string }[],
  connections: number,
  seconds: number,
  onResponse: (status: number, time: number) => void,
) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers: { cookie, 'accept-language': 'fr' }, requests }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    instance.on('response', (_client, status, _bytes, time) => onResponse(status, time));
  });
}
