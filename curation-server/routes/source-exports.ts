/** Exports of the list (or of the current search and filters) as CSV and JSON, in corpus order. */
import { Hono } from 'hono';
import { DATA_CREDIT } from '../../corpus/credit.ts';
import type { AppDeps, ConsoleEnv } from '../app-env.ts';
import { requirePermission } from '../middleware/permission.ts';
import { sourcesCsv } from '../sources/source-csv.ts';
import { allSources, lenientQuery, SourceFilterSchema } from '../sources/source-list.ts';
import { plainSource } from '../sources/stored-source.ts';

function exportName(extension: string): string {
  return `sources-de-confiance-${new Date().toISOString().slice(0, 10)}.${extension}`;
}

export function sourceExportRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();
  app.get('/sources/export.csv', requirePermission('read'), async (c) => {
    const sources = await allSources(deps.db, lenientQuery(SourceFilterSchema, c.req.query()));
    c.header('Content-Disposition', `attachment; filename="${exportName('csv')}"`);
    return c.body(sourcesCsv(sources), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });
  app.get('/sources/export.json', requirePermission('read'), async (c) => {
    const sources = await allSources(deps.db, lenientQuery(SourceFilterSchema, c.req.query()));
    c.header('Content-Disposition', `attachment; filename="${exportName('json')}"`);
    // The Licence Ouverte asks for the credit wherever the data goes.
    return c.json({ credit: DATA_CREDIT, sources: sources.map(plainSource) });
  });
  return app;
}
