/**
 * Batches on the seed corpus (45,000+ sources) with a year's worth of history — 200 bulk actions of
 * 50 sources and 3,000 single changes: how long the activity page takes with batches grouped into
 * one line each (first page, a deep page, filtered by person, kind and days, one batch's changes),
 * the confirmation page of a 500-source bulk action, and that bulk action applied and undone.
 */
import { readSeedCorpus } from '../../corpus/node/seed-corpus-file.ts';
import { userActor } from '../../curation-server/auth/actor.ts';
import { recentEvents } from '../../curation-server/history/event-log.ts';
import { undoBatch } from '../../curation-server/sources/batch-undo.ts';
import { applyBulkAction, setStatus } from '../../curation-server/sources/source-commands.ts';
import { consoleFixture } from '../../curation-server/testing/console-client.ts';
import { median, report } from './report.ts';

const BULKS = 200;
const BULK_SIZE = 50;
const SINGLES = 3_000;

const fixture = await consoleFixture({ sources: readSeedCorpus().sources });
const curator = await fixture.as('curator');
const admin = await fixture.as('admin');
const users = await fixture.db.selectFrom('users').selectAll().execute();
const actors = users.map(userActor);
const ids = (await fixture.db.selectFrom('sources').select('id').where('status', '=', 'active').orderBy('seq').limit(BULKS * BULK_SIZE).execute()).map((row) => row.id);

let start = performance.now();
for (let bulk = 0; bulk < BULKS; bulk++) {
  const selection = ids.slice(bulk * BULK_SIZE, (bulk + 1) * BULK_SIZE);
  const done = await applyBulkAction(fixture.db, actors[bulk % actors.length], selection, bulk % 2 === 0 ? 'suspend' : 'review', 'banc d’essai');
  if (!done.ok) throw new Error('bulk refused');
}
report('bulk_action_50_sources_ms', (performance.now() - start) / BULKS, 'ms');
for (let single = 0; single < SINGLES; single++) {
  await setStatus(fixture.db, actors[single % actors.length], [ids[single % ids.length]], single % 2 === 0 ? 'removed' : 'active', '');
}

const pageTimes = async (path: string) => {
  const times: number[] = [];
  for (let run = 0; run < 15; run++) {
    const begin = performance.now();
    const { response } = await curator.page(path);
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    times.push(performance.now() - begin);
  }
  return median(times);
};
const { events } = await recentEvents(fixture.db, { limit: 1 });
const middle = Math.floor(events[0].id / 2);
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
const someBatch = (await fixture.db.selectFrom('batches').select('id').orderBy('at').executeTakeFirstOrThrow()).id;
report('activity_page_grouped_ms', await pageTimes('/activity'), 'ms');
report('activity_deep_page_ms', await pageTimes(`/activity?before=${middle}`), 'ms');
report('activity_filtered_person_ms', await pageTimes(`/activity?actor=${encodeURIComponent('admin@example.org')}`), 'ms');
report('activity_filtered_kind_ms', await pageTimes('/activity?action=review'), 'ms');
report('activity_filtered_days_ms', await pageTimes(`/activity?from=${today}&to=${today}&action=suspend`), 'ms');
report('activity_batch_members_ms', await pageTimes(`/activity?batch=${someBatch}`), 'ms');

// A 500-source bulk action: its confirmation page, then applied, then undone as one batch.
const selection = (await fixture.db.selectFrom('sources').select('id').where('status', '=', 'active').orderBy('seq', 'desc').limit(500).execute()).map((row) => row.id);
await admin.page('/sources');
const confirmTimes: number[] = [];
for (let run = 0; run < 5; run++) {
  const begin = performance.now();
  const confirm = await admin.post('/sources/bulk', { ids: selection, action: 'suspend', comment: '', return: '/sources' });
  if (confirm.status !== 200 || !(await confirm.text()).includes('Vous allez suspendre 500 sources')) throw new Error('confirmation page');
  confirmTimes.push(performance.now() - begin);
}
report('bulk_confirm_page_500_ms', median(confirmTimes), 'ms');
start = performance.now();
const applied = await applyBulkAction(fixture.db, actors[0], selection, 'suspend', '');
if (!applied.ok || applied.batch === null) throw new Error('bulk refused');
report('bulk_action_500_sources_ms', performance.now() - start, 'ms');
start = performance.now();
const undone = await undoBatch(fixture.db, actors[0], applied.batch, '');
if (!undone.ok || undone.undone !== 500) throw new Error(`undo refused: ${JSON.stringify(undone).slice(0, 300)}`);
report('batch_undo_500_sources_ms', performance.now() - start, 'ms');

await fixture.close();
