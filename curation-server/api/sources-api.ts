/** /api/sources: list, read, create, change, bulk status changes and review, history, exports. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { DATA_CREDIT } from '../../corpus/credit.ts';
import type { ApiEnv, AppDeps } from '../app-env.ts';
import { sourceHistory } from '../history/event-log.ts';
import { BULK_ACTIONS } from '../db/schema.ts';
import { applyBulkAction, createSource, updateSource } from '../sources/source-commands.ts';
import { sourcesCsv } from '../sources/source-csv.ts';
import { CommentSchema } from '../sources/source-input.ts';
import { allSources, SourceFilterSchema, SourceListQuerySchema, listSources } from '../sources/source-list.ts';
import { sourceById } from '../sources/source-store.ts';
import { plainSource } from '../sources/stored-source.ts';
import { apiPermission } from './api-auth.ts';
import { CreateSourceSchema, ErrorSchema, EventSchema, eventOut, IdParams, IssueSchema, issuesOut, json, SourceSchema, sourceOut, UpdateSourceSchema, tokenRefusals } from './api-schemas.ts';

const security = [{ Bearer: [] }];
const tags = ['sources'];

const listRoute = createRoute({
  method: 'get',
  path: '/sources',
  operationId: 'listSources',
  tags,
  security,
  summary: 'Search, filter, sort and page the list',
  middleware: [apiPermission('read')] as const,
  request: { query: SourceListQuerySchema },
  responses: {
    ...tokenRefusals,
    200: json(z.object({ total: z.number().int(), page: z.number().int(), perPage: z.number().int(), sources: z.array(SourceSchema) }), 'One page of sources'),
  },
});

const exportCsvRoute = createRoute({
  method: 'get',
  path: '/sources/export.csv',
  operationId: 'exportSourcesCsv',
  tags,
  security,
  summary: 'Every source the filters keep, as CSV (the import format)',
  middleware: [apiPermission('read')] as const,
  request: { query: SourceFilterSchema },
  responses: { ...tokenRefusals, 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV, corpus columns, corpus order' } },
});

const exportJsonRoute = createRoute({
  method: 'get',
  path: '/sources/export.json',
  operationId: 'exportSourcesJson',
  tags,
  security,
  summary: 'Every source the filters keep, as JSON, with the data credit',
  middleware: [apiPermission('read')] as const,
  request: { query: SourceFilterSchema },
  responses: { ...tokenRefusals, 200: json(z.object({ credit: z.record(z.string(), z.string()), sources: z.array(z.record(z.string(), z.string())) }), 'Sources in corpus order') },
});

const getRoute = createRoute({
  method: 'get',
  path: '/sources/{id}',
  operationId: 'getSource',
  tags,
  security,
  summary: 'One source',
  middleware: [apiPermission('read')] as const,
  request: { params: IdParams },
  responses: { ...tokenRefusals, 200: json(SourceSchema, 'The source'), 404: json(ErrorSchema, 'No such source') },
});

const historyRoute = createRoute({
  method: 'get',
  path: '/sources/{id}/history',
  operationId: 'getSourceHistory',
  tags,
  security,
  summary: 'The changes of one source, newest first',
  middleware: [apiPermission('read')] as const,
  request: { params: IdParams },
  responses: { ...tokenRefusals, 200: json(z.object({ events: z.array(EventSchema) }), 'Its history'), 404: json(ErrorSchema, 'No such source') },
});

const createSourceRoute = createRoute({
  method: 'post',
  path: '/sources',
  operationId: 'createSource',
  tags,
  security,
  summary: 'Add a source (validated like in the console)',
  middleware: [apiPermission('edit')] as const,
  request: { body: { content: { 'application/json': { schema: CreateSourceSchema } }, required: true } },
  responses: { ...tokenRefusals, 201: json(SourceSchema, 'Created'), 422: json(ErrorSchema, 'Refused, with the reasons') },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/sources/{id}',
  operationId: 'updateSource',
  tags,
  security,
  summary: 'Change some fields of a source (status included)',
  middleware: [apiPermission('edit')] as const,
  request: { params: IdParams, body: { content: { 'application/json': { schema: UpdateSourceSchema } }, required: true } },
  responses: {
    ...tokenRefusals,
    200: json(SourceSchema, 'The source after the change (unchanged if nothing differed)'),
    404: json(ErrorSchema, 'No such source'),
    409: json(ErrorSchema, 'Changed by someone else since `revision`'),
    422: json(ErrorSchema, 'Refused, with the reasons'),
  },
});

const BulkSchema = z
  .object({
    ids: z.array(z.string().max(64)).min(1).max(5000),
    action: z.enum(BULK_ACTIONS),
    comment: CommentSchema,
  })
  .openapi('BulkChange');

const bulkRoute = createRoute({
  method: 'post',
  path: '/sources/bulk',
  operationId: 'changeSourcesInBulk',
  tags,
  security,
  summary: 'Activate, suspend, remove or mark reviewed several sources: all or none',
  middleware: [apiPermission('edit')] as const,
  request: { body: { content: { 'application/json': { schema: BulkSchema } }, required: true } },
  responses: {
    ...tokenRefusals,
    200: json(z.object({ changed: z.number().int(), unchanged: z.number().int(), batch: z.string().nullable() }), 'Done'),
    422: json(z.object({ error: z.string(), failures: z.array(z.object({ id: z.string(), issues: z.array(IssueSchema) })) }), 'None changed'),
  },
});

export function sourcesApi(deps: AppDeps, api: OpenAPIHono<ApiEnv>) {
  const { db } = deps;

  api.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const page = await listSources(db, query);
    return c.json({ total: page.total, page: query.page, perPage: query.perPage, sources: page.sources.map(sourceOut) }, 200);
  });

  api.openapi(exportCsvRoute, async (c) => {
    const sources = await allSources(db, c.req.valid('query'));
    return c.body(sourcesCsv(sources), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
  });

  api.openapi(exportJsonRoute, async (c) => {
    const sources = await allSources(db, c.req.valid('query'));
    return c.json({ credit: { ...DATA_CREDIT }, sources: sources.map((source) => ({ ...plainSource(source) })) }, 200);
  });

  api.openapi(getRoute, async (c) => {
    const source = await sourceById(db, c.req.valid('param').id);
    return source === undefined ? c.json({ error: 'not-found' }, 404) : c.json(sourceOut(source), 200);
  });

  api.openapi(historyRoute, async (c) => {
    const { id } = c.req.valid('param');
    if ((await sourceById(db, id)) === undefined) return c.json({ error: 'not-found' }, 404);
    return c.json({ events: (await sourceHistory(db, id)).map(eventOut) }, 200);
  });

  api.openapi(createSourceRoute, async (c) => {
    const { comment, ...fields } = c.req.valid('json');
    const created = await createSource(db, c.get('actor'), fields, comment);
    return created.ok ? c.json(sourceOut(created.value), 201) : c.json({ error: 'refused', issues: issuesOut(created.issues) }, 422);
  });

  api.openapi(updateRoute, async (c) => {
    const { comment, revision, ...fields } = c.req.valid('json');
    const updated = await updateSource(db, c.get('actor'), c.req.valid('param').id, fields, { comment, revision });
    if (updated.ok) return c.json(sourceOut(updated.value.source), 200);
    const codes = updated.issues.map((issue) => issue.code);
    if (codes.includes('not-found')) return c.json({ error: 'not-found' }, 404);
    if (codes.includes('stale-revision')) return c.json({ error: 'stale-revision', issues: issuesOut(updated.issues) }, 409);
    return c.json({ error: 'refused', issues: issuesOut(updated.issues) }, 422);
  });

  api.openapi(bulkRoute, async (c) => {
    const { ids, action, comment } = c.req.valid('json');
    const result = await applyBulkAction(db, c.get('actor'), ids, action, comment);
    if (result.ok) return c.json({ changed: result.changed, unchanged: result.unchanged, batch: result.batch }, 200);
    return c.json({ error: 'refused', failures: result.failures.map((failure) => ({ id: failure.id, issues: issuesOut(failure.issues) })) }, 422);
  });
}
