/**
 * The Atlaas lookup at full size, under concurrent load on loopback: a fresh database with the seed
 * corpus (for the hostname lookups), every actor of the official divisions (as the server's first
 * start imports them) and the links, 25,000 generated actions with label results imported from an
 * export file (and the same file again, which changes nothing); then the server started as `npm
 * start` runs it (its own process), and autocannon sending public API requests — actor searches by
 * name, code and département, cards, action searches, hostname lookups — each connection sending
 * its next request as soon as the last one is answered.
 *
 * Figures: the first start's import (atlaas_actors_import_ms, atlaas_links_ms), the actions import
 * (atlaas_actions_import_ms, atlaas_actions_reimport_ms). Two loads, ETags never sent back:
 * - the same 21 lookups over and over, as popular ones come back: atlaas_search_p50_ms,
 *   atlaas_search_p95_ms (goal < 20 ms) and atlaas_req_per_s (goal > 2,000) — mostly answered
 *   from the server's response cache (atlaas/response-cache.ts);
 * - 20,000 different lookups (commune names' beginnings, postcodes, cards, hostnames), more than
 *   the cache keeps, so that nearly every answer is computed: atlaas_uncached_* .
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { readSeedCorpus } from '../../corpus/node/seed-corpus-file.ts';
import { AXES } from '../../curation-server/atlaas/action-file.ts';
import { importActionFile } from '../../curation-server/atlaas/action-import.ts';
import { importActors } from '../../curation-server/atlaas/actor-import.ts';
import { refreshAllLinks } from '../../curation-server/atlaas/atlaas-setup.ts';
import { readDivisions } from '../../curation-server/atlaas/divisions.ts';
import { openDatabase } from '../../curation-server/db/open-database.ts';
import { seedFromCorpus } from '../../curation-server/db/seed-corpus.ts';
import { startCurationServer } from '../../curation-server/testing/server-process.ts';
import { seededRandom } from '../seeded-random.ts';
import { median, percentile, report } from './report.ts';

const ACTIONS = 25_000;
const CONNECTIONS = 8;
const SECONDS = 10;
const WORDS = ['médiation', 'numérique', 'école', 'tiers-lieu', 'fablab', 'démarches', 'en ligne', 'open data', 'participation', 'budget', 'wifi', 'public', 'bibliothèque', 'inclusion', 'santé', 'mobilité', 'cartographie', 'jeunesse', 'seniors', 'formation'];
const SEARCHES = [
  '/api/atlaas/actors?q=st+etienne',
  '/api/atlaas/actors?q=saint+denis&departement=93',
  '/api/atlaas/actors?q=lyon',
  '/api/atlaas/actors?q=%C3%89vry',
  '/api/atlaas/actors?q=le+mans',
  '/api/atlaas/actors?q=beaumont&perPage=50',
  '/api/atlaas/actors?q=communaute+de+communes&page=3',
  '/api/atlaas/actors?q=91182',
  '/api/atlaas/actors?code=42100',
  '/api/atlaas/actors?departement=29&kind=commune&page=2',
  '/api/atlaas/actors?q=sainte',
  '/api/atlaas/actors/commune:42218',
  '/api/atlaas/actors/epci:200046977',
  '/api/atlaas/actions?q=mediation+numerique',
  '/api/atlaas/actions?axis=vivre-ensemble&year=2023',
  '/api/atlaas/actions?q=fablab&departement=42',
  '/api/atlaas/actions?region=53&page=4',
  '/api/atlaas/by-host/www.saint-etienne.fr',
  '/api/atlaas/by-host/www.lyon.fr',
  '/api/atlaas/by-host/www.3cag.fr',
  '/api/atlaas/by-host/www.besancon.fr',
];

/** An export file of generated actions and labels, the same on every run. */
function generatedExport(communes: readonly string[]): string {
  const random = seededRandom(14);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  const lines: string[] = [];
  for (let index = 0; index < ACTIONS; index++) {
    const words = Array.from({ length: 8 }, () => pick(WORDS)).join(' ');
    const year = 2005 + Math.floor(random() * 20);
    lines.push(
      JSON.stringify({
        type: 'action',
        id: `bench-${index}`,
        actor: pick(communes),
        title: `Action ${index} : ${words.slice(0, 60)}`,
        date: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`,
        axis: pick(AXES),
        issues: [pick(WORDS)],
        services: [pick(WORDS), pick(WORDS)],
        summary: `${words} ${words}`,
        done: words,
        results: words,
        recommendations: words,
        tools: [pick(WORDS)],
      }),
    );
  }
  for (const [index, actor] of communes.slice(0, 2_000).entries()) {
    lines.push(JSON.stringify({ type: 'label', actor, year: 2024, arobases: 1 + (index % 5), title: index % 50 === 0 ? "Territoire d'Excellence Numérique" : '', mentions: index % 7 === 0 ? ['Médiation numérique'] : [] }));
  }
  return lines.join('\n');
}

/** Different lookups, in a fixed random order: a name's first letters (4 to 8), a postcode, a commune's card, a site's hostname. */
function coldLookups(names: readonly string[], postcodes: readonly string[], hosts: readonly string[]): string[] {
  const random = seededRandom(1999);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  const paths = new Set<string>();
  while (paths.size < 20_000) {
    const roll = random();
    if (roll < 0.5) paths.add(`/api/atlaas/actors?q=${encodeURIComponent(pick(names).slice(0, 4 + Math.floor(random() * 5)))}`);
    else if (roll < 0.65) paths.add(`/api/atlaas/actors?code=${pick(postcodes)}`);
    else if (roll < 0.75) paths.add(`/api/atlaas/actions?q=${encodeURIComponent(pick(WORDS))}&page=${1 + Math.floor(random() * 20)}`);
    else paths.add(`/api/atlaas/by-host/www.${pick(hosts)}`);
  }
  return [...paths];
}

const directory = mkdtempSync(join(tmpdir(), 'sdc-bench-atlaas-'));
const databasePath = join(directory, 'curation.sqlite');
try {
  const db = await openDatabase(databasePath);
  await seedFromCorpus(db, () => readSeedCorpus().sources);
  let start = performance.now();
  const actors = await importActors(db, readDivisions());
  report('atlaas_actors', actors.added, 'actors');
  report('atlaas_actors_import_ms', performance.now() - start, 'ms');
  start = performance.now();
  const links = await refreshAllLinks(db);
  report('atlaas_links_ms', performance.now() - start, 'ms');
  report('atlaas_links_from_codes', links.linked, 'links');
  report('atlaas_link_suggestions', links.suggested, 'links');
  const communes = (await db.selectFrom('atlaas_actors').select('code').where('kind', '=', 'commune').orderBy('population', 'desc').limit(5_000).execute()).map((row) => row.code);
  const everyCommune = await db.selectFrom('atlaas_actors').select(['name', 'postal_codes', 'code']).where('kind', '=', 'commune').execute();
  const names = everyCommune.map((row) => row.name);
  const postcodes = [...new Set(everyCommune.flatMap((row) => row.postal_codes.split(' ').filter((code) => code !== '')))];
  const hosts = (await db.selectFrom('sources').select('host').where('category', '=', 'commune').where('status', '=', 'active').limit(5_000).execute()).map((row) => row.host);
  const file = generatedExport(communes);
  start = performance.now();
  const imported = await importActionFile(db, file);
  if (!imported.ok) throw new Error(`generated file refused: ${imported.issues[0]?.message}`);
  report('atlaas_actions', imported.counts.actions.added, 'actions');
  report('atlaas_actions_import_ms', performance.now() - start, 'ms');
  start = performance.now();
  const again = await importActionFile(db, file);
  if (!again.ok || again.counts.actions.unchanged !== ACTIONS) throw new Error('the same file changed something');
  report('atlaas_actions_reimport_ms', performance.now() - start, 'ms');
  await db.destroy();

  const server = await startCurationServer({ databasePath });
  try {
    for (const path of SEARCHES) {
      const response = await fetch(`${server.url}${path}`);
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    }
    const hot = SEARCHES.map((path) => ({ method: 'GET' as const, path }));
    const cold = coldLookups(names, postcodes, hosts).map((path) => ({ method: 'GET' as const, path }));
    // A short warm-up (JIT, SQLite page cache), not measured.
    await run(server.url, hot, CONNECTIONS, 2, () => {});
    report('atlaas_connections', CONNECTIONS, 'connections');
    for (const [prefix, requests] of [
      ['atlaas', hot],
      ['atlaas_uncached', cold],
    ] as const) {
      const times: number[] = [];
      let failures = 0;
      const result = await run(server.url, [...requests], CONNECTIONS, SECONDS, (status, time) => {
        if (status === 200 || status === 404) times.push(time);
        else failures++;
      });
      if (times.length === 0) throw new Error(`no successful response (${failures} failures)`);
      const label = prefix === 'atlaas' ? 'atlaas_search' : 'atlaas_uncached';
      report(`${prefix}_requests`, times.length, 'requests');
      report(`${prefix}_failures`, failures + result.errors + result.timeouts, 'requests');
      report(`${prefix}_req_per_s`, times.length / SECONDS, 'requests/s');
      report(`${label}_p50_ms`, median(times), 'ms');
      report(`${label}_p95_ms`, percentile(times, 95), 'ms');
      report(`${label}_p99_ms`, percentile(times, 99), 'ms');
    }
  } finally {
    await server.stop();
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}

function run(url: string, requests: { method: 'GET'; path: string }[], connections: number, seconds: number, onResponse: (status: number, time: number) => void) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, requests }, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on('response', (_client, status, _bytes, time) => onResponse(status, time));
  });
}
