/**
 * Review queue figures on the seed corpus (45,000+ sources) with 10,000 open findings — a bad night
 * of the crawler: how fast the sink takes new findings and refreshes open ones (the crawler's goal
 * is 3,000 sources a minute, 50 a second), how long the console's queue page takes to render
 * (first and a deep page, filtered), and a 200-item batch decision through the source commands.
 */
import { readSeedCorpus } from '../../corpus/node/seed-corpus-file.ts';
import { userActor } from '../../curation-server/auth/actor.ts';
import { decideReviewItems, listReviewItems, reviewQueueSink } from '../../curation-server/review/review-queue.ts';
import type { CrawlFinding } from '../../curation-server/review/review-types.ts';
import { consoleFixture } from '../../curation-server/testing/console-client.ts';
import { median, report } from './report.ts';

const FINDINGS = 10_000;
const fixture = await consoleFixture({ sources: readSeedCorpus().sources });
const sources = (await fixture.db.selectFrom('sources').select(['id', 'host']).where('status', '=', 'active').orderBy('seq').limit(FINDINGS).execute());
const sink = reviewQueueSink(fixture.db);

const finding = (source: { id: string; host: string }, index: number, checkedAt: string): CrawlFinding => ({
  sourceId: source.id,
  host: source.host,
  outcome: index % 3 === 0 ? 'suspicious' : index % 3 === 1 ? 'unreachable' : 'moved',
  evidence: {
    dns: { a: ['203.0.113.7'], ns: ['ns1.sedoparking.com', 'ns2.sedoparking.com'] },
    hops: [{ url: `https://${source.host}/`, status: 301, location: `https://www.${source.host}/` }],
    status: 200,
    title: `Le domaine ${source.host} est peut-être à vendre`,
    signals: ['parking-nameserver'],
  },
  suggestion: index % 3 === 2 ? { host: `nouveau-${source.host}` } : undefined,
  checkedAt,
  runId: 1,
});

let start = performance.now();
for (const [index, source] of sources.entries()) await sink.record(finding(source, index, '2026-12-01T02:00:00.000Z'));
report('review_sink_new_findings_per_s', FINDINGS / ((performance.now() - start) / 1000), 'findings/s');

start = performance.now();
for (const [index, source] of sources.entries()) await sink.record(finding(source, index, '2026-12-02T02:00:00.000Z'));
report('review_sink_refreshed_findings_per_s', FINDINGS / ((performance.now() - start) / 1000), 'findings/s');

const curator = await fixture.as('curator');
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
report('review_queue_page_ms', await pageTimes('/review'), 'ms');
report('review_queue_deep_filtered_page_ms', await pageTimes('/review?reason=unreachable&page=100'), 'ms');

const batch = (await listReviewItems(fixture.db, { state: 'open', reason: 'suspicious', page: 1, perPage: 200 })).items.map((item) => item.id);
const user = await fixture.db.selectFrom('users').selectAll().where('email', '=', 'curator@example.org').executeTakeFirstOrThrow();
start = performance.now();
const decided = await decideReviewItems(fixture.db, userActor(user), batch, 'suspend', 'banc d’essai', new Date().toISOString());
if (!decided.ok || decided.decided !== 200) throw new Error(`batch refused: ${JSON.stringify(decided).slice(0, 500)}`);
report('review_batch_decision_200_ms', performance.now() - start, 'ms');

await fixture.close();
