/**
 * Publication figures on the seed corpus (45,000+ active sources): time to publish a version
 * (snapshot, ten cumulative deltas, signed manifest, files written), sizes of the snapshot (raw and
 * gzip) and of a delta for a 10-entry change, and the client's time to verify and apply an update
 * fetched from a loopback HTTP server, by delta and by full snapshot; and, with the server's own
 * list channel routes, the first download of a freshly published snapshot and how long a health
 * check asked meanwhile waits (issue 11: it waited 3 s while the server compressed the snapshot).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { listChannelRoutes } from '../../curation-server/list-channel/list-channel-routes.ts';
import { parseCorpusText } from '../../corpus/corpus-text.ts';
import { fetchListUpdate } from '../../corpus/list/list-update.ts';
import { buildPublication, type PublishedVersion } from '../../corpus/list/publication.ts';
import { generateSigningKey, importSigningKey } from '../../corpus/list/signing-keys.ts';
import { snapshotText } from '../../corpus/list/snapshot.ts';
import { writePublication } from '../../corpus/node/list-directory.ts';
import { readSeedCorpusText } from '../../corpus/node/seed-corpus-file.ts';
import type { Source } from '../../corpus/source.ts';
import { median, report } from './report.ts';
import { seededRandom } from '../seeded-random.ts';

const seed = parseCorpusText(readSeedCorpusText()).sources;
const key = await importSigningKey((await generateSigningKey()).privateKeyPem);
const random = seededRandom(4);

/** Ten entries changed: four renamed, three suspended, three new. */
function editTen(sources: Source[], round: number): Source[] {
  const next = sources.map((s) => ({ ...s }));
  const active = next.filter((s) => s.status === 'active');
  for (let i = 0; i < 4; i++) active[Math.floor(random() * active.length)].name = `Organisme ${round}-${i}`;
  for (let i = 0; i < 3; i++) active[Math.floor(random() * active.length)].status = 'suspended';
  for (let i = 0; i < 3; i++) {
    next.push({ ...active[0], id: `new-${round}-${i}`, host: `nouvelle-commune-${round}-${i}.fr`, scope: 'subdomains', name: '', code: '' });
  }
  return next;
}

// Ten published versions, each a 10-entry change from the one before.
const history: Source[][] = [seed];
for (let round = 1; round < 11; round++) history.push(editTen(history[round - 1], round));
const previous: PublishedVersion[] = history.slice(0, 10).map((sources, i) => ({ version: i + 1, snapshotText: snapshotText(sources) })).reverse();

const publishTimes: number[] = [];
let directory = '';
let publication: Awaited<ReturnType<typeof buildPublication>> | undefined;
for (let run = 0; run < 7; run++) {
  directory = await mkdtemp(join(tmpdir(), 'sdc-bench-publish-'));
  const start = performance.now();
  publication = await buildPublication({ sources: history[10], previous, signingKeys: [key] });
  if (publication.status !== 'published') throw new Error('expected a publication');
  await writePublication(directory, publication);
  publishTimes.push(performance.now() - start);
  if (run < 6) await rm(directory, { recursive: true });
}
if (publication?.status !== 'published') throw new Error('expected a publication');
report('publish_ms', median(publishTimes.slice(1)), 'ms');
report('published_sources', publication.summary.sources, 'sources');
const snapshot = Buffer.from(publication.snapshotText);
report('snapshot_bytes', snapshot.length, 'bytes');
report('snapshot_gzip_bytes', gzipSync(snapshot, { level: 9 }).length, 'bytes');
report('snapshot_brotli_bytes', brotliCompressSync(snapshot).length, 'bytes');
const delta10 = publication.files.find((file) => file.path === 'deltas/10-11.tsv');
if (delta10 === undefined) throw new Error('no delta from version 10');
report('delta10_bytes', Buffer.byteLength(delta10.text), 'bytes');

// The client side, over real HTTP on loopback.
const server = createServer(async (req, res) => {
  try {
    res.end(await readFile(join(directory, new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/v1\//, ''))));
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
if (typeof address !== 'object' || address === null) throw new Error('no port');
const channel = { baseUrl: `http://127.0.0.1:${address.port}/v1/`, fetch: (url: string, init?: RequestInit) => fetch(url, init) };
async function applyTime(local: { version: number; text: string }, expected: 'delta' | 'snapshot'): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < 9; run++) {
    const start = performance.now();
    const update = await fetchListUpdate({ channel, local, highestSeenVersion: local.version, trustedKeys: [key.publicKey], clientVersion: '1.0.0' });
    times.push(performance.now() - start);
    if (update.outcome !== 'updated' || update.via !== expected) throw new Error(`expected an update by ${expected}: ${JSON.stringify(update).slice(0, 200)}`);
  }
  return median(times.slice(2));
}
const byDelta = await applyTime({ version: 10, text: previous[0].snapshotText }, 'delta');
const bySnapshot = await applyTime({ version: 0, text: '' }, 'snapshot');
report('client_apply_delta_ms', byDelta, 'ms');
report('client_apply_snapshot_ms', bySnapshot, 'ms');
report('client_apply_ms', Math.max(byDelta, bySnapshot), 'ms');
server.close();

// The project's list channel, right after publication: nothing compressed yet in memory.
const app = new Hono().route('/v1', listChannelRoutes(directory));
app.get('/healthz', (c) => c.json({ status: 'ok' }));
const channelServer = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => channelServer.once('listening', resolve));
const origin = `http://127.0.0.1:${(channelServer.address() as AddressInfo).port}`;
const timed = async (url: string, headers: Record<string, string> = {}) => {
  const start = performance.now();
  await (await fetch(url, { headers })).arrayBuffer();
  return performance.now() - start;
};
const snapshotPathNow = `${origin}/v1/${publication.manifest.signed.snapshot.path}`;
const firstDownload = timed(snapshotPathNow, { 'accept-encoding': 'br' });
await new Promise((resolve) => setTimeout(resolve, 2));
const healthDuring = await timed(`${origin}/healthz`);
report('channel_first_snapshot_ms', await firstDownload, 'ms');
report('healthz_during_first_snapshot_ms', healthDuring, 'ms');
channelServer.close();
await rm(directory, { recursive: true });
