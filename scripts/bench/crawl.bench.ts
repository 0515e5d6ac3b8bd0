/**
 * The validation crawler over 40,000 simulated hosts (SDC_BENCH_CRAWL_HOSTS to shrink it while
 * iterating), served on loopback by one child process (crawl-web-process.ts) and crawled by another
 * (crawl-run-process.ts, started with the heap setting of `npm run crawl`): sources checked per
 * minute, the crawler process's peak RSS, and the share of outcomes equal to the simulated truth
 * (crawl-hosts.ts). The crawler keeps its default politeness (one request at a time per host, 1 s
 * between two requests to a host) with 200 sources at a time, 400 requests/s overall, and a 5 s
 * timeout, so that hanging hosts (4 %) are given up after 5 s instead of 30 s.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { makeValidSource } from '../../corpus/testing/make-source.ts';
import type { Source } from '../../corpus/source.ts';
import { openDatabase } from '../../curation-server/db/open-database.ts';
import { seedFromCorpus } from '../../curation-server/db/seed-corpus.ts';
import { behaviourOf, expectedOutcome, sourceHost } from './crawl-hosts.ts';
import { report } from './report.ts';

const HOSTS = Number(process.env.SDC_BENCH_CRAWL_HOSTS ?? 40_000);
const sourceId = (index: number) => `b${index.toString(36).padStart(11, '0')}`;

/** The flags of `npm run crawl` (package.json), so that the crawler's memory is measured as it runs. */
function crawlNodeFlags(): string[] {
  const scripts = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;
  return scripts.crawl.split(' ').filter((word) => word.startsWith('--max-old-space-size='));
}

async function child(script: string, args: string[], flags: string[] = []): Promise<{ line: Promise<string>; stop: () => void; exited: Promise<number | null> }> {
  const process_ = spawn(process.execPath, [...flags, '--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => process_.once('exit', resolve));
  const line = new Promise<string>((resolve, reject) => {
    createInterface({ input: process_.stdout }).once('line', resolve);
    void exited.then((code) => reject(new Error(`${script} exited (${code})`)));
  });
  return { line, stop: () => process_.kill('SIGTERM'), exited };
}

const web = await child('./crawl-web-process.ts', []);
const ports = JSON.parse(await web.line) as { httpsPort: number; httpPort: number; certificates: string[] };

const directory = mkdtempSync(join(tmpdir(), 'sdc-bench-crawl-'));
const databasePath = join(directory, 'curation.sqlite');
const db = await openDatabase(databasePath);
const sources: Source[] = [];
for (let index = 0; index < HOSTS; index++) {
  sources.push(makeValidSource(sourceHost(index), { id: sourceId(index), scope: 'host', name: `Commune ${index}`, provenance: 'etalab/verified' }));
}
await seedFromCorpus(db, () => sources);

const crawler = await child('./crawl-run-process.ts', [JSON.stringify({ databasePath, ...ports })], crawlNodeFlags());
const result = JSON.parse(await crawler.line) as { runId: number; elapsedMs: number; peakRssKb: number };
await crawler.exited;

const outcomes = new Map((await db.selectFrom('crawl_checks').select(['source_id', 'outcome']).where('run_id', '=', result.runId).execute()).map((row) => [row.source_id, row.outcome]));
let right = 0;
const wrong = new Map<string, number>();
for (let index = 0; index < HOSTS; index++) {
  const outcome = outcomes.get(sourceId(index));
  if (outcome === expectedOutcome(index)) right++;
  else {
    const key = `${behaviourOf(index).kind} → ${outcome ?? 'not checked'}`;
    wrong.set(key, (wrong.get(key) ?? 0) + 1);
  }
}
if (wrong.size > 0) console.error('outcomes that differ from the simulated truth:', Object.fromEntries(wrong));

report('crawl_sources', HOSTS, 'sources');
report('crawl_sources_per_min', Math.round(HOSTS / (result.elapsedMs / 60_000)), 'sources/min');
report('crawl_peak_rss_mb', Math.round(result.peakRssKb / 1024), 'MB');
report('crawl_accuracy', right / HOSTS, 'share');

web.stop();
await web.exited;
await db.destroy();
rmSync(directory, { recursive: true, force: true });
