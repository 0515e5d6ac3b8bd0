/** The API's request and response shapes (zod), from which the OpenAPI document is generated. */
import { z } from '@hono/zod-openapi';
import { CATEGORY_IDS, type Category } from '../../corpus/categories.ts';
import { SCOPES, STATUSES } from '../../corpus/source.ts';
import type { HistoryEvent } from '../history/event-log.ts';
import type { ImportIssue, ImportPlan } from '../sources/import-plan.ts';
import { importIssueMessage } from '../sources/import-plan.ts';
import { CommentSchema, SourceChangesSchema, SourceFieldsSchema } from '../sources/source-input.ts';
import { plainSource, type StoredSource } from '../sources/stored-source.ts';
import { VALIDATION_STATES } from '../sources/validation-state.ts';
import { EVENT_ACTIONS } from '../db/schema.ts';

export const SourceSchema = z
  .object({
    id: z.string(),
    host: z.string(),
    scope: z.enum(SCOPES),
    path: z.string(),
    category: z.enum(CATEGORY_IDS as [Category, ...Category[]]),
    status: z.enum(STATUSES),
    name: z.string(),
    code: z.string(),
    provenance: z.string(),
    validation: z.enum(VALIDATION_STATES),
    revision: z.number().int().openapi({ description: 'Send it back with an edit: an edit based on an older revision is refused (409).' }),
    updatedAt: z.string(),
  })
  .openapi('Source');

export function sourceOut(source: StoredSource): z.infer<typeof SourceSchema> {
  return { ...plainSource(source), validation: source.validation, revision: source.revision, updatedAt: source.updatedAt };
}

export const IssueSchema = z
  .object({
    field: z.string().optional().openapi({ description: 'The field concerned, when there is one.' }),
    code: z.string().openapi({ example: 'duplicate-key' }),
    message: z.string().openapi({ description: 'In French, for people.' }),
  })
  .openapi('Issue');

export function issuesOut(issues: readonly ImportIssue[]): z.infer<typeof IssueSchema>[] {
  return issues.map((issue) => ({ ...(issue.field === undefined ? {} : { field: issue.field }), code: issue.code, message: importIssueMessage(issue, 'fr') }));
}

export const ErrorSchema = z
  .object({
    error: z.string().openapi({ example: 'refused' }),
    issues: z.array(IssueSchema).optional(),
  })
  .openapi('Error');

export const CreateSourceSchema = SourceFieldsSchema.extend({ comment: CommentSchema }).openapi('NewSource');

export const UpdateSourceSchema = SourceChangesSchema.extend({ comment: CommentSchema, revision: z.number().int().min(1).optional() })
  .openapi('SourceChange');

export const EventSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.enum(EVENT_ACTIONS),
    sourceId: z.string().nullable(),
    before: z.record(z.string(), z.string()).nullable(),
    after: z.record(z.string(), z.string()).nullable(),
    comment: z.string(),
    batch: z.string().nullable(),
    reverts: z.number().int().nullable(),
    revertedBy: z.array(z.number().int()),
  })
  .openapi('Event');

export function eventOut(event: HistoryEvent): z.infer<typeof EventSchema> {
  const record = (source: HistoryEvent['before']) => (source === null ? null : { ...source });
  return { ...event, before: record(event.before), after: record(event.after) };
}

const PlanLineSchema = z
  .object({
    line: z.number().int(),
    kind: z.enum(['added', 'changed', 'unchanged', 'error']),
    id: z.string().optional().openapi({ description: 'The source concerned; absent for sources that will get a new id.' }),
    fields: z.array(z.string()).optional().openapi({ description: 'For `changed`: the fields that change.' }),
    after: z.record(z.string(), z.string()).optional(),
    issues: z.array(IssueSchema).optional(),
    host: z.string().optional().openapi({ description: 'For `error`: the line’s hostname as written, to find it in the file.' }),
    defaulted: z.array(z.string()).optional().openapi({ description: 'For `added`: the fields the file left out, given their default.' }),
  })
  .openapi('ImportLine');

export const ImportPreviewSchema = z
  .object({
    id: z.string(),
    digest: z.string().openapi({ description: 'Send it back to apply exactly this plan.' }),
    appliedAt: z.string().nullable(),
    counts: z.object({ added: z.number().int(), changed: z.number().int(), unchanged: z.number().int(), error: z.number().int() }),
    lines: z.array(PlanLineSchema),
  })
  .openapi('ImportPreview');

export function planLinesOut(plan: ImportPlan): z.infer<typeof PlanLineSchema>[] {
  return plan.lines.map((line) => {
    switch (line.kind) {
      case 'added':
        return { line: line.line, kind: line.kind, ...(line.generatedId ? {} : { id: line.source.id }), after: { ...line.source }, ...(line.defaulted.length === 0 ? {} : { defaulted: line.defaulted }) };
      case 'changed':
        return { line: line.line, kind: line.kind, id: line.before.id, fields: line.fields, after: { ...line.after } };
      case 'unchanged':
        return { line: line.line, kind: line.kind, id: line.source.id };
      case 'error':
        return { line: line.line, kind: line.kind, host: line.host, issues: issuesOut(line.issues) };
    }
  });
}

export const IdParams = z.object({ id: z.string().max(64).openapi({ param: { name: 'id', in: 'path' }, example: 'sk3kwbhz3cg2' }) });
export const EventIdParams = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' }, example: 42 }) });

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });

/** What every operation behind a token may answer besides its own results (the defaultHook's 400, api-auth.ts's 401 and 403). */
export const tokenRefusals = {
  400: json(ErrorSchema, 'A parameter or the body does not fit: `issues` says which and why'),
  401: json(ErrorSchema, 'No token, or not a valid one'),
  403: json(ErrorSchema, 'The token’s role does not allow this operation'),
};
