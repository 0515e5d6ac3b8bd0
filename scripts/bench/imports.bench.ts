/**
 * Import and export figures on the seed corpus (56,000+ sources): a French spreadsheet of 10,000
 * lines (`;`, French headers and words, half new sources with only a hostname and a name, half
 * updates of listed ones found by hostname) — reading and planning it, the preview (the file
 * stored), its console page, and applying it in one transaction; then the spreadsheet export of
 * the whole list.
 */
import { readSeedCorpus } from '../../corpus/node/seed-corpus-file.ts';
import { userActor } from '../../curation-server/auth/actor.ts';
import { indexSources, planImport } from '../../curation-server/sources/import-plan.ts';
import { importRows, sourcesSpreadsheetCsv } from '../../curation-server/sources/source-csv.ts';
import { applyImport, previewImport } from '../../curation-server/sources/source-imports.ts';
import { allSources } from '../../curation-server/sources/source-list.ts';
import { storedSourceFromRow } from '../../curation-server/sources/stored-source.ts';
import { consoleFixture } from '../../curation-server/testing/console-client.ts';
import { median, report } from './report.ts';

const LINES = 10_000;
const fixture = await consoleFixture({ sources: readSeedCorpus().sources });
const listed = await fixture.db.selectFrom('sources').select(['host']).where('status', '=', 'active').where('scope', '!=', 'path').orderBy('seq').limit(LINES / 2).execute();
const lines = ['Site;Catégorie;Statut;Nom'];
for (let index = 0; index < LINES / 2; index++) lines.push(`mairie-banc-${index}.fr;;;Mairie du banc n° ${index}`);
for (const { host } of listed) lines.push(`${host};Autre organisme public;Suspendue;`);
const csv = `\uFEFF${lines.join('\r\n')}\r\n`;

const existing = indexSources((await fixture.db.selectFrom('sources').selectAll().execute()).map(storedSourceFromRow));
let ids = 0;
const times: number[] = [];
for (let run = 0; run < 5; run++) {
  const begin = performance.now();
  const rows = importRows(csv);
  if (!rows.ok) throw new Error(rows.issue.code);
  const plan = planImport(rows.rows, existing, () => `cbench${String(ids++).padStart(7, '0')}`);
  times.push(performance.now() - begin);
  if (plan.counts.error > 0 || plan.counts.added !== LINES / 2) throw new Error(JSON.stringify(plan.counts));
}
report('import_read_and_plan_10k_french_lines_ms', median(times), 'ms');

const curator = await fixture.as('curator');
const user = await fixture.db.selectFrom('users').selectAll().where('email', '=', 'curator@example.org').executeTakeFirstOrThrow();
const actor = userActor(user);
let begin = performance.now();
const preview = await previewImport(fixture.db, actor, { name: 'bench.csv', csv });
report('import_preview_10k_lines_ms', performance.now() - begin, 'ms');
if (!preview.ok) throw new Error(preview.issue.code);

begin = performance.now();
const page = await curator.page(`/import/${preview.record.id}`);
if (page.response.status !== 200) throw new Error(`preview page: ${page.response.status}`);
report('import_preview_page_10k_lines_ms', performance.now() - begin, 'ms');
report('import_preview_page_10k_lines_kb', Buffer.byteLength(page.html) / 1024, 'kB');

begin = performance.now();
const applied = await applyImport(fixture.db, actor, preview.record.id, { comment: 'banc' });
report('import_apply_10k_lines_ms', performance.now() - begin, 'ms');
if (!applied.ok) throw new Error(applied.reason);

const exportTimes: number[] = [];
let size = 0;
for (let run = 0; run < 3; run++) {
  const start = performance.now();
  const text = sourcesSpreadsheetCsv(await allSources(fixture.db, { q: '' }));
  exportTimes.push(performance.now() - start);
  size = Buffer.byteLength(text);
}
report('export_spreadsheet_whole_list_ms', median(exportTimes), 'ms');
report('export_spreadsheet_whole_list_mb', size / 1024 / 1024, 'MB');
await fixture.close();
