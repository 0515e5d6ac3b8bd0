/** /api/events: recent changes across the list, and reverting one (a new event). */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiEnv, AppDeps } from '../app-env.ts';
import { recentEvents } from '../history/event-log.ts';
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

export function historyApi(deps: AppDeps, api: OpenAPIHono<ApiEnv>) {
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
