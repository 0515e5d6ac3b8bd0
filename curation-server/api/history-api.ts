/** /api/events: recent changes across the list, and reverting one (a new event). */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiEnv, AppDeps } from '../app-env.ts';
import { BATCH_KINDS } from '../db/schema.ts';
import { type Batch, batchById } from '../history/batches.ts';
import { recentEvents } from '../history/event-log.ts';
import { undoBatch } from '../sources/batch-undo.ts';
import { revertChange } from '../sources/source-commands.ts';
import { CommentSchema } from '../sources/source-input.ts';
import { apiPermission } from './api-auth.ts';
import { ErrorSchema, EventIdParams, EventSchema, eventOut, issuesOut, json, SourceSchema, sourceOut, tokenRefusals } from './api-schemas.ts';

const security = [{ Bearer: [] }];
const tags = ['history'];

const recentRoute = createRoute({
  method: 'get',
  path: '/events',
  operationId: 'listEvents',
  tags,
  security,
  summary: 'Recent changes, newest first; `before` pages back, `batch` keeps one import or bulk action',
  middleware: [apiPermission('read')] as const,
  request: {
    query: z.object({
      before: z.coerce.number().int().positive().optional(),
      batch: z.string().max(64).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: { ...tokenRefusals, 200: json(z.object({ events: z.array(EventSchema), olderThan: z.number().int().nullable() }), 'A page of events') },
});

const revertRoute = createRoute({
  method: 'post',
  path: '/events/{id}/revert',
  operationId: 'revertEvent',
  tags,
  security,
  summary: 'Revert a change: the fields it touched go back, unless they changed again since',
  middleware: [apiPermission('edit')] as const,
  request: { params: EventIdParams, body: { content: { 'application/json': { schema: z.object({ comment: CommentSchema }) } }, required: false } },
  responses: {
    ...tokenRefusals,
    200: json(SourceSchema, 'The source after the revert'),
    404: json(ErrorSchema, 'No such event'),
    409: json(ErrorSchema, 'Cannot be reverted, with the reason'),
  },
});

const BatchParams = z.object({ id: z.string().regex(/^[\w-]{1,64}$/).openapi({ param: { name: 'id', in: 'path' }, example: 'q3Zk8fLm2xPa' }) });

const BatchSchema = z
  .object({
    id: z.string(),
    kind: z.enum(BATCH_KINDS).openapi({ description: '`bulk` action, `import`, `review` queue batch, or `undo` of another batch.' }),
    label: z.string().openapi({ description: 'The bulk action or review decision, the imported file’s name, or the id of the batch undone.' }),
    at: z.string(),
    actor: z.string(),
    count: z.number().int().openapi({ description: 'How many source changes (events) it made.' }),
    comment: z.string(),
    undoes: z.string().nullable(),
    undoneBy: z.array(z.string()),
  })
  .openapi('Batch');

const batchRoute = createRoute({
  method: 'get',
  path: '/batches/{id}',
  operationId: 'getBatch',
  tags,
  security,
  summary: 'A batch (bulk action, import, review batch, undo): who, when, what, how many; its events are `/events?batch=`',
  middleware: [apiPermission('read')] as const,
  request: { params: BatchParams },
  responses: { ...tokenRefusals, 200: json(BatchSchema, 'The batch'), 404: json(ErrorSchema, 'No such batch') },
});

const undoBatchRoute = createRoute({
  method: 'post',
  path: '/batches/{id}/undo',
  operationId: 'undoBatch',
  tags,
  security,
  summary: 'Undo a whole batch: every source gets back what it was before it, as a new batch of kind `undo`; refused if any changed since',
  middleware: [apiPermission('edit')] as const,
  request: { params: BatchParams, body: { content: { 'application/json': { schema: z.object({ comment: CommentSchema }) } }, required: false } },
  responses: {
    ...tokenRefusals,
    200: json(BatchSchema, 'The undo, itself a batch'),
    404: json(ErrorSchema, 'No such batch'),
    409: json(
      ErrorSchema.extend({
        by: z.string().optional().openapi({ description: 'For `already-undone`: the batch that undid it.' }),
        refusals: z.array(z.record(z.string(), z.unknown())).optional().openapi({ description: 'For `refused`: each source changed since, and by which event.' }),
      }),
      '`already-undone`, `nothing-to-undo`, `refused` (changed since) or `invalid` (what the sources were is no longer valid)',
    ),
  },
});

export function historyApi(deps: AppDeps, api: OpenAPIHono<ApiEnv>) {
  api.openapi(batchRoute, async (c) => {
    const batch = await batchById(deps.db, c.req.valid('param').id);
    return batch === undefined ? c.json({ error: 'not-found' }, 404) : c.json(batch, 200);
  });

  api.openapi(undoBatchRoute, async (c) => {
    const undone = await undoBatch(deps.db, c.get('actor'), c.req.valid('param').id, c.req.valid('json').comment ?? '');
    if (undone.ok) return c.json((await batchById(deps.db, undone.batch)) as Batch, 200);
    switch (undone.reason) {
      case 'not-found':
        return c.json({ error: 'not-found' }, 404);
      case 'already-undone':
        return c.json({ error: 'already-undone', by: undone.by }, 409);
      case 'nothing-to-undo':
        return c.json({ error: 'nothing-to-undo' }, 409);
      case 'refused':
        return c.json({ error: 'refused', refusals: undone.refusals.map((refusal) => ({ ...refusal })) }, 409);
      case 'invalid':
        return c.json({ error: 'invalid', issues: undone.failures.flatMap((failure) => issuesOut(failure.issues)) }, 409);
    }
  });

  api.openapi(recentRoute, async (c) => {
    const { before, batch, limit } = c.req.valid('query');
    const page = await recentEvents(deps.db, { before, batch, limit });
    return c.json({ events: page.events.map(eventOut), olderThan: page.olderThan }, 200);
  });

  api.openapi(revertRoute, async (c) => {
    const reverted = await revertChange(deps.db, c.get('actor'), c.req.valid('param').id, c.req.valid('json').comment ?? '');
    if (reverted.ok) return c.json(sourceOut(reverted.value), 200);
    if (reverted.issues.some((issue) => issue.code === 'not-found')) return c.json({ error: 'not-found' }, 404);
    return c.json({ error: 'refused', issues: issuesOut(reverted.issues) }, 409);
  });
}
