import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATA_CREDIT } from '../../corpus/credit.ts';
import { CORPUS_COLUMNS } from '../../corpus/corpus-text.ts';
import { parseCsv } from '../sources/csv.ts';
import { type ConsoleFixture, consoleFixture } from '../testing/console-client.ts';
import { SAMPLE_SOURCES } from '../testing/temp-database.ts';

let fixture: ConsoleFixture;
beforeEach(async () => {
  fixture = await consoleFixture();
});
afterEach(async () => {
  await fixture.close();
});

const today = () => new Date().toISOString().slice(0, 10);
const byHost = [...SAMPLE_SOURCES].sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));

describe('console exports', () => {
  it('exports every source as CSV, the corpus columns in corpus order, as a file', async () => {
    const reader = await fixture.as('reader');
    const response = await reader.request('/sources/export.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="sources-de-confiance-${today()}.csv"`);
    const parsed = parseCsv(await response.text());
    if (!parsed.ok) throw new Error(parsed.reason);
    const [header, ...rows] = parsed.records.map((record) => record.cells);
    expect(header).toEqual([...CORPUS_COLUMNS]);
    expect(rows).toEqual(byHost.map((source) => CORPUS_COLUMNS.map((column) => source[column])));
  });

  it('exports for spreadsheets: UTF-8 with a BOM, « ; » between cells, French headers and labels, the filters kept', async () => {
    const reader = await fixture.as('reader');
    const { html } = await reader.page('/sources?status=active');
    expect(html).toContain('href="/sources/export-tableur.csv?status=active">CSV pour tableur (Excel, LibreOffice : point-virgule, en-têtes en français)</a>');
    const response = await reader.request('/sources/export-tableur.csv?q=besancon');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="sources-de-confiance-${today()}.tableur.csv"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const [header, ...rows] = text.slice(1).split('\r\n').filter((line) => line !== '');
    expect(header).toBe('identifiant;hôte;portée;chemin;catégorie;statut;nom;code;provenance');
    expect(rows).toContain('syj66jel4pyz;besancon.fr;l’hôte et ses sous-domaines;;commune;active;Ville de Besançon;25056;etalab/verified');
    expect(rows.every((row) => row.includes('besancon'))).toBe(true);
  });

  it('exports JSON with the data credit', async () => {
    const reader = await fixture.as('reader');
    const response = await reader.request('/sources/export.json');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="sources-de-confiance-${today()}.json"`);
    const body = (await response.json()) as { credit: typeof DATA_CREDIT; sources: Record<string, string>[] };
    expect(body.credit).toEqual(DATA_CREDIT);
    expect(body.sources).toEqual(byHost.map((source) => ({ ...source })));
  });

  it('keeps the search and filters of the list', async () => {
    const reader = await fixture.as('reader');
    const hosts = async (query: string) => ((await (await reader.request(`/sources/export.json?${query}`)).json()) as { sources: { host: string }[] }).sources.map((source) => source.host);
    expect(await hosts('q=besancon&status=active')).toEqual(['ac-besancon.fr', 'besancon.fr']);
    expect(await hosts('category=commune')).toEqual(['besancon.fr', 'mairie-lyon.fr', 'mairie-trifouilly.free.fr']);
    expect(await hosts('status=removed')).toEqual(['sites.google.com']);
    const csv = await (await reader.request('/sources/export.csv?q=lyon')).text();
    expect(csv.split('\r\n').filter((line) => line !== '')).toHaveLength(2);
  });

  it('sends anonymous visitors to sign in, and back to the export', async () => {
    for (const path of ['/sources/export.csv', '/sources/export.json']) {
      const anonymous = await fixture.anonymous().request(path);
      expect(anonymous.status, path).toBe(303);
      expect(anonymous.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
  });
});
