import { afterEach, describe, expect, it } from 'vitest';
import { type ConsoleFixture, consoleFixture } from '../testing/console-client.ts';
import { type RunRow, tableCrawlControl } from '../testing/table-crawl-control.ts';

let fixture: ConsoleFixture;
afterEach(async () => {
  await fixture.close();
});

async function withControl() {
  const control = tableCrawlControl(() => fixture.db);
  fixture = await consoleFixture({ crawlControl: control });
  await control.ready();
  return control;
}

const runRow = (fields: Partial<RunRow>): Omit<RunRow, 'id'> => ({
  started_at: '2026-11-30T02:00:00.000Z',
  finished_at: '2026-11-30T03:00:00.000Z',
  state: 'done',
  checked: 100,
  total: 100,
  outcomes: JSON.stringify({ ok: 90, moved: 4, unreachable: 5, suspicious: 1 }),
  started_by: 'système',
  ...fields,
});

describe('the crawler runs page', () => {
  it('is not there when the app has no crawler', async () => {
    fixture = await consoleFixture();
    const reader = await fixture.as('reader');
    expect((await reader.page('/crawl-runs')).response.status).toBe(404);
    expect((await reader.page('/review')).html).not.toContain('href="/crawl-runs"');
  });

  it('shows past runs to readers as a table and a chart the table puts in words, without the start form', async () => {
    const control = await withControl();
    await control.addRun(runRow({}));
    await control.addRun(runRow({ started_at: '2026-12-01T02:00:00.000Z', outcomes: JSON.stringify({ ok: 97, redirected: 3 }) }));
    const reader = await fixture.as('reader');
    const { response, html } = await reader.page('/crawl-runs');
    expect(response.status).toBe(200);
    expect(html).toContain('<h1>Passages du robot de vérification</h1>');
    expect(html).toContain('role="img" aria-labelledby="run-chart-caption"');
    expect(html).toContain('<title>Passage n° 1 : 90 en ordre, 4 déplacées, 0 redirigées ailleurs, 5 injoignables, 1 suspectes, 0 candidates</title>');
    // Newest first in the table; oldest on the left of the chart.
    expect(html.indexOf('<a href="/crawl-runs/2">')).toBeLessThan(html.indexOf('<a href="/crawl-runs/1">'));
    expect(html.indexOf('<title>Passage n° 1')).toBeLessThan(html.indexOf('<title>Passage n° 2'));
    expect(html).toContain('100 sur 100 sources vérifiées');
    expect(html).not.toContain('action="/crawl-runs"');
    expect((await reader.page('/review')).html).toContain('href="/crawl-runs"');
    expect((await reader.post('/crawl-runs', {})).status).toBe(403);
    expect(await control.listCrawlRuns()).toHaveLength(2);
  });

  it('starts a run for a curator, shows its progress, as JSON too, and cancels it', async () => {
    const control = await withControl();
    const curator = await fixture.as('curator');
    await curator.page('/crawl-runs');
    const started = await curator.post('/crawl-runs', { limit: '50' });
    expect(started.status).toBe(303);
    expect(started.headers.get('location')).toBe('/crawl-runs/1');
    expect(await control.crawlRunProgress(1)).toMatchObject({ state: 'running', total: 50 });
    const { html } = await curator.page('/crawl-runs/1');
    expect(html).toContain('data-progress-url="/crawl-runs/1/progress.json"');
    expect(html).toContain('0 sur 50 sources vérifiées');
    expect(html).toContain('Annuler ce passage');
    // While one runs, no second start form.
    expect((await curator.page('/crawl-runs')).html).not.toContain('Lancer un passage');

    const json = (await (await curator.request('/crawl-runs/1/progress.json')).json()) as { state: string; total: number; text: { checkedOf: string; state: string } };
    expect(json).toMatchObject({ state: 'running', total: 50, text: { checkedOf: '0 sur 50 sources vérifiées', state: 'en cours' } });

    await curator.page('/crawl-runs/1');
    const cancelled = await curator.post('/crawl-runs/1/cancel', {});
    expect(cancelled.headers.get('location')).toBe('/crawl-runs/1?done=cancelled');
    const after = (await curator.page('/crawl-runs/1?done=cancelled')).html;
    expect(after).toContain('Le passage a été annulé.');
    expect(after).not.toContain('Annuler ce passage');
    expect((await curator.post('/crawl-runs/1/cancel', {})).headers.get('location')).toBe('/crawl-runs/1?done=notCancelled');
  });

  it('refuses a limit that is not a whole number in range, and unknown runs', async () => {
    const control = await withControl();
    const curator = await fixture.as('curator');
    await curator.page('/crawl-runs');
    for (const limit of ['0', '-5', '1.5', 'beaucoup', '99999999']) {
      const refused = await curator.post('/crawl-runs', { limit });
      expect(refused.status).toBe(422);
      expect(await refused.text()).toContain('Un nombre entier entre 1 et 1 000 000.');
    }
    expect(await control.listCrawlRuns()).toHaveLength(0);
    expect((await curator.page('/crawl-runs/7')).response.status).toBe(404);
    expect((await curator.request('/crawl-runs/abc/progress.json')).status).toBe(404);
  });
});
