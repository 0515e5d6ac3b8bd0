import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recentEvents } from '../history/event-log.ts';
import { addReport, listReviewItems, reviewQueueSink } from '../review/review-queue.ts';
import type { CrawlFinding } from '../review/review-types.ts';
import { sourceById } from '../sources/source-store.ts';
import { type ConsoleFixture, consoleFixture } from '../testing/console-client.ts';

let fixture: ConsoleFixture;
beforeEach(async () => {
  fixture = await consoleFixture();
});
afterEach(async () => {
  await fixture.close();
});

const AT = '2026-12-01T10:00:00.000Z';

function finding(fields: Partial<CrawlFinding> = {}): CrawlFinding {
  return {
    sourceId: 'syj66jel4pyz',
    host: 'besancon.fr',
    outcome: 'suspicious',
    evidence: { dns: { ns: ['ns1.sedoparking.com'] }, hops: [{ url: 'https://besancon.fr/', status: 302, location: 'https://casino.example/' }], status: 200, title: '<script>alert(1)</script>Casino', signals: ['parking-ns'] },
    checkedAt: AT,
    runId: 3,
    ...fields,
  };
}

async function openIds(): Promise<number[]> {
  return (await listReviewItems(fixture.db, { state: 'open', page: 1, perPage: 50 })).items.map((item) => item.id);
}

describe('the review queue in the console', () => {
  it('shows the evidence to readers, escaped, without any decision control', async () => {
    await reviewQueueSink(fixture.db).record(finding());
    const reader = await fixture.as('reader');
    const { response, html } = await reader.page('/review');
    expect(response.status).toBe(200);
    expect(html).toContain('<h1>File de revue</h1>');
    expect(html).toContain('ns1.sedoparking.com');
    expect(html).toContain('Redirige vers');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;Casino');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('name="one"');
    expect(html).not.toContain('name="ids"');
    // And a reader's post is refused.
    const refused = await reader.post('/review/decide', { one: `${(await openIds())[0]}:suspend` });
    expect(refused.status).toBe(403);
    expect((await sourceById(fixture.db, 'syj66jel4pyz'))?.status).toBe('active');
  });

  it('speaks English when asked', async () => {
    await reviewQueueSink(fixture.db).record(finding());
    const { html } = await (await fixture.as('curator')).page('/review?lang=en');
    expect(html).toContain('<h1>Review queue</h1>');
    expect(html).toContain('aria-label="Suspend: besancon.fr"');
    expect(html).toContain('Page title');
    expect(html).toContain('1 item to review');
  });

  it('sends anonymous visitors to sign in', async () => {
    const response = await fixture.anonymous().request('/review');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login?next=%2Freview');
  });

  it('filters by origin and reason', async () => {
    await reviewQueueSink(fixture.db).record(finding());
    await reviewQueueSink(fixture.db).record(finding({ sourceId: 'sk3kwbhz3cg2', host: 'ain.gouv.fr', outcome: 'unreachable', evidence: { error: 'ENOTFOUND' } }));
    await addReport(fixture.db, { site: 'mairie-oubliee.fr', host: 'mairie-oubliee.fr', kind: 'missing', message: 'Notre mairie', contact: null }, AT);
    const curator = await fixture.as('curator');
    const reports = (await curator.page('/review?kind=report')).html;
    expect(reports).toContain('mairie-oubliee.fr');
    expect(reports).not.toContain('besancon.fr</h2>');
    const unreachable = (await curator.page('/review?reason=unreachable')).html;
    expect(unreachable).toContain('ain.gouv.fr');
    expect(unreachable).not.toContain('mairie-oubliee.fr');
    expect((await curator.page('/review?kind=nonsense')).html).toContain('mairie-oubliee.fr');
  });

  it('decides one item in one click, and keeps it visible among the decided with who and what', async () => {
    await reviewQueueSink(fixture.db).record(finding());
    const curator = await fixture.as('curator');
    await curator.page('/review');
    const [id] = await openIds();
    const decided = await curator.post('/review/decide', { one: `${id}:suspend`, comment: 'parking', return: '/review?kind=crawl' });
    expect(decided.status).toBe(303);
    expect(decided.headers.get('location')).toBe('/review?kind=crawl&done=decided&count=1');
    expect((await sourceById(fixture.db, 'syj66jel4pyz'))?.status).toBe('suspended');
    expect((await curator.page('/review?kind=crawl&done=decided&count=1')).html).toContain('1 décision enregistrée.');
    const history = (await curator.page('/review?state=decided')).html;
    expect(history).toContain('Décision : suspendue, par curator@example.org');
    expect(history).toContain('« parking »');
    const again = await curator.post('/review/decide', { one: `${id}:keep` });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('déjà décidé');
  });

  it('asks for confirmation before a batch decision, then applies it with one batch id', async () => {
    const sink = reviewQueueSink(fixture.db);
    await sink.record(finding());
    await sink.record(finding({ sourceId: 'sk3kwbhz3cg2', host: 'ain.gouv.fr' }));
    const ids = (await openIds()).map(String);
    const curator = await fixture.as('curator');
    await curator.page('/review');
    const asked = await curator.post('/review/decide', { ids, action: 'suspend', comment: 'lot' });
    expect(asked.status).toBe(200);
    const confirm = await asked.text();
    expect(confirm).toContain('Confirmer la décision');
    expect(confirm).toContain('Décision « Suspendre » pour 2 éléments');
    expect((await sourceById(fixture.db, 'syj66jel4pyz'))?.status).toBe('active');

    const applied = await curator.post('/review/decide', { ids, action: 'suspend', comment: 'lot', confirm: '1' });
    expect(applied.headers.get('location')).toBe('/review?done=decided&count=2');
    const { events } = await recentEvents(fixture.db, { limit: 2 });
    expect(events.map((event) => event.action)).toEqual(['suspend', 'suspend']);
    expect(events[0].batch).not.toBeNull();
    expect(events[0].batch).toBe(events[1].batch);
    expect(events[0].comment).toBe('file de revue — lot');
    const batch = (await curator.page(`/review?state=decided&batch=${events[0].batch}`)).html;
    expect(batch.match(/Décision : suspendue/g)).toHaveLength(2);
  });

  it('refuses a batch in which one item cannot take the decision, and says which', async () => {
    const sink = reviewQueueSink(fixture.db);
    await sink.record(finding());
    await sink.record(finding({ sourceId: 'sy6dyqktpki6', host: 'chu-besancon.fr' }));
    const curator = await fixture.as('curator');
    await curator.page('/review');
    const refused = await curator.post('/review/decide', { ids: (await openIds()).map(String), action: 'suspend', confirm: '1' });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('chu-besancon.fr — cette décision ne s’applique pas');
    expect((await sourceById(fixture.db, 'syj66jel4pyz'))?.status).toBe('active');
  });

  it('says what is missing from a batch, and refuses a forged token', async () => {
    await reviewQueueSink(fixture.db).record(finding());
    const curator = await fixture.as('curator');
    await curator.page('/review');
    const empty = await curator.post('/review/decide', { action: 'suspend' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Cochez au moins un élément.');
    const forged = await curator.post('/review/decide', { _csrf: 'forged', one: `${(await openIds())[0]}:suspend` }, { csrf: false });
    expect(forged.status).toBe(403);
    expect((await sourceById(fixture.db, 'syj66jel4pyz'))?.status).toBe('active');
  });
});
