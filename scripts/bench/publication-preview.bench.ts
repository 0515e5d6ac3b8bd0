/**
 * The publication page on the seed corpus (45,000+ sources, version 1 online): how long the preview
 * of the next version takes (the snapshot of the active sources, the diff that writes the delta,
 * the statuses of the sources leaving), after a small change (200 sources suspended) and a large
 * one (5,000), and the whole page as an administrator gets it.
 */
import { readSeedCorpus } from '../../corpus/node/seed-corpus-file.ts';
import { SYSTEM_ACTOR } from '../../curation-server/auth/actor.ts';
import { setStatus } from '../../curation-server/sources/source-commands.ts';
import { consoleFixture } from '../../curation-server/testing/console-client.ts';
import { median, report } from './report.ts';

const fixture = await consoleFixture({ sources: readSeedCorpus().sources, signingKey: true });
const first = await fixture.publisher.publish(SYSTEM_ACTOR);
if (first.status !== 'published') throw new Error('expected a first publication');
const active = (await fixture.db.selectFrom('sources').select('id').where('status', '=', 'active').orderBy('seq').execute()).map((row) => row.id);

async function previewTime(): Promise<{ ms: number; leaving: number }> {
  const times: number[] = [];
  let leaving = 0;
  for (let run = 0; run < 7; run++) {
    const start = performance.now();
    const { preview } = await fixture.publisher.preview();
    times.push(performance.now() - start);
    leaving = preview.counts.leaving.suspended;
  }
  return { ms: median(times.slice(1)), leaving };
}

await setStatus(fixture.db, SYSTEM_ACTOR, active.slice(0, 200), 'suspended', 'bench');
const small = await previewTime();
if (small.leaving !== 200) throw new Error(`expected 200 suspended, got ${small.leaving}`);
report('preview_200_changes_ms', small.ms, 'ms');

await setStatus(fixture.db, SYSTEM_ACTOR, active.slice(200, 5000), 'suspended', 'bench');
const large = await previewTime();
if (large.leaving !== 5000) throw new Error(`expected 5000 suspended, got ${large.leaving}`);
report('preview_5000_changes_ms', large.ms, 'ms');

const admin = await fixture.as('admin');
const pageTimes: number[] = [];
let bytes = 0;
for (let run = 0; run < 5; run++) {
  const start = performance.now();
  const { response, html } = await admin.page('/admin/publications');
  pageTimes.push(performance.now() - start);
  if (response.status !== 200) throw new Error(`page: ${response.status}`);
  bytes = Buffer.byteLength(html);
}
report('publications_page_5000_changes_ms', median(pageTimes.slice(1)), 'ms');
report('publications_page_bytes', bytes, 'bytes');
await fixture.close();
