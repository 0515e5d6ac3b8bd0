/** Exports of the list (or of the current search and filters) as CSV and JSON, in corpus order; part of the sources router (/sources). */
import { type Context, Hono } from 'hono';
import { DATA_CREDIT } from '../../corpus/credit.ts';
import type { AppDeps, ConsoleEnv } from '../app-env.ts';
import { BadRequest } from '../http/bad-request.ts';
import { requirePermission } from '../middleware/permission.ts';
import { sourcesCsv, sourcesSpreadsheetCsv } from '../sources/source-csv.ts';
import { allSources, lenientQuery, SearchTextSchema, type SourceFilter, SourceFilterSchema } from '../sources/source-list.ts';
import { plainSource } from '../sources/stored-source.ts';

function exportName(extension: string): string {
  return `sources-de-confiance-${new Date().toISOString().slice(0, 10)}.${extension}`;
}

/** The filters of an export; a refused search is a 400, not an export of everything. */
function exportFilter(c: Context): SourceFilter {
  const raw = c.req.query();
  if (!SearchTextSchema.safeParse(raw.q).success) throw new BadRequest('invalid-search');
  return lenientQuery(SourceFilterSchema, raw);
}

export function sourceExportRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();
  app.get('/export.csv', requirePermission('read'), async (c) => {
    const sources = await allSources(deps.db, exportFilter(c));
    c.header('Content-Disposition', `attachment; filename="${exportName('csv')}"`);
    return c.body(sourcesCsv(sources), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });
  // For French spreadsheet software: `;`, a BOM, French headers and labels (see sourcesSpreadsheetCsv).
  app.get('/export-tableur.csv', requirePermission('read'), async (c) => {
    const sources = await allSources(deps.db, exportFilter(c));
    c.header('Content-Disposition', `attachment; filename="${exportName('tableur.csv')}"`);
    return c.body(sourcesSpreadsheetCsv(sources), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });
  app.get('/export.json', requirePermission('read'), async (c) => {
    const sources = await allSources(deps.db, exportFilter(c));
    c.header('Content-Disposition', `attachment; filename="${exportName('json')}"`);
    // The Licence Ouverte asks for the credit wherever the data goes.
    return c.json({ credit: DATA_CREDIT, sources: sources.map(plainSource) });
  });
  return app;
}
