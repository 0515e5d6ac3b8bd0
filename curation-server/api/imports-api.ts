/** /api/imports: a CSV body gives a preview (nothing changes); applying it takes the preview's digest. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiEnv, AppDeps } from '../app-env.ts';
import { csvFileIssueMessage } from '../sources/source-csv.ts';
import { applyImport, currentImport, type ImportPreview, previewImport } from '../sources/source-imports.ts';
import { CommentSchema } from '../sources/source-input.ts';
import { apiPermission } from './api-auth.ts';
import { ErrorSchema, IdParams, ImportPreviewSchema, json, planLinesOut, tokenRefusals } from './api-schemas.ts';

const security = [{ Bearer: [] }];
const tags = ['imports'];

const previewRoute = createRoute({
  method: 'post',
  path: '/imports',
  operationId: 'previewImport',
  tags,
  security,
  summary: 'Preview a CSV import (columns id,host,scope,path,category,status,name,code[,provenance])',
  middleware: [apiPermission('edit')] as const,
  request: {
    query: z.object({ name: z.string().max(200).default('api.csv') }),
    body: { content: { 'text/csv': { schema: z.string() } }, required: true },
  },
  responses: { ...tokenRefusals, 201: json(ImportPreviewSchema, 'What the file would change'), 422: json(ErrorSchema, 'The file cannot be read') },
});

const getRoute = createRoute({
  method: 'get',
  path: '/imports/{id}',
  operationId: 'getImport',
  tags,
  security,
  summary: 'An import’s plan against the list as it is now',
  middleware: [apiPermission('edit')] as const,
  request: { params: IdParams },
  responses: { ...tokenRefusals, 200: json(ImportPreviewSchema, 'The current plan'), 404: json(ErrorSchema, 'No such import') },
});

const applyRoute = createRoute({
  method: 'post',
  path: '/imports/{id}/apply',
  operationId: 'applyImport',
  tags,
  security,
  summary: 'Apply an import, all or nothing, if its plan is still the one previewed',
  middleware: [apiPermission('edit')] as const,
  request: {
    params: IdParams,
    body: { content: { 'application/json': { schema: z.object({ digest: z.string().max(100).optional(), comment: CommentSchema }) } }, required: false },
  },
  responses: {
    ...tokenRefusals,
    200: json(z.object({ batch: z.string(), counts: ImportPreviewSchema.shape.counts }), 'Applied; its events share `batch`'),
    404: json(ErrorSchema, 'No such import'),
    409: json(ErrorSchema.extend({ preview: ImportPreviewSchema.optional() }), 'Already applied, or the list changed since the preview (the new preview is given)'),
    422: json(ErrorSchema, 'Lines in error: nothing applied'),
  },
});

function previewOut(preview: Extract<ImportPreview, { ok: true }>): z.infer<typeof ImportPreviewSchema> {
  return { id: preview.record.id, digest: preview.digest, appliedAt: preview.record.appliedAt, counts: preview.plan.counts, lines: planLinesOut(preview.plan) };
}

export function importsApi(deps: AppDeps, api: OpenAPIHono<ApiEnv>) {
  api.openapi(previewRoute, async (c) => {
    const preview = await previewImport(deps.db, c.get('actor'), { name: c.req.valid('query').name, csv: await c.req.text() });
    if (!preview.ok) return c.json({ error: 'unreadable-file', issues: [{ code: preview.issue.code, message: csvFileIssueMessage(preview.issue, 'fr') }] }, 422);
    return c.json(previewOut(preview), 201);
  });

  api.openapi(getRoute, async (c) => {
    const current = await currentImport(deps.db, c.req.valid('param').id);
    return current === undefined || !current.ok ? c.json({ error: 'not-found' }, 404) : c.json(previewOut(current), 200);
  });

  api.openapi(applyRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { digest, comment } = c.req.valid('json');
    const applied = await applyImport(deps.db, c.get('actor'), id, { digest, comment: comment ?? '' });
    if (applied.ok) return c.json({ batch: applied.batch, counts: applied.counts }, 200);
    switch (applied.reason) {
      case 'not-found':
        return c.json({ error: 'not-found' }, 404);
      case 'already-applied':
        return c.json({ error: 'already-applied' }, 409);
      case 'moved':
        return c.json({ error: 'moved' }, 409);
      case 'has-errors':
        return c.json({ error: 'has-errors' }, 422);
    }
  });
}
