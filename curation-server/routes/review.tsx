/** @jsxImportSource hono/jsx */
/** The review queue in the console: readers see it, curators and admins decide (one click, or a confirmed batch). */
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, ConsoleEnv } from '../app-env.ts';
import { formBody } from '../http/form-body.ts';
import { safeRedirectTarget } from '../http/redirect-target.ts';
import { actorOf, requirePermission } from '../middleware/permission.ts';
import { type DecideResult, decideReviewItems, listReviewItems, type ReviewItem, type ReviewQuery, reviewItemById } from '../review/review-queue.ts';
import { CRAWL_OUTCOMES, REPORT_KINDS, REVIEW_DECISIONS, REVIEW_KINDS, type ReviewDecision } from '../review/review-types.ts';
import { CommentSchema } from '../sources/source-input.ts';
import { lenientQuery } from '../sources/source-list.ts';
import { issueErrors, shapeErrors } from '../views/form-errors.ts';
import type { FieldErrors } from '../views/form-fields.tsx';
import { withNotice } from '../views/notices.ts';
import { renderPage } from '../views/render.tsx';
import { ReviewConfirmPage, ReviewQueuePage } from '../views/review-pages.tsx';
import { type View, viewOf } from '../views/view.ts';

const PER_PAGE = 25;

const ReviewQuerySchema = z.object({
  state: z.enum(['open', 'decided']).default('open'),
  kind: z.enum(REVIEW_KINDS).optional(),
  reason: z.enum([...CRAWL_OUTCOMES, ...REPORT_KINDS]).optional(),
  batch: z.string().regex(/^[\w-]{1,40}$/).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

const ItemIds = z
  .union([z.string(), z.array(z.string())])
  .transform((ids) => (Array.isArray(ids) ? ids : [ids]))
  .pipe(z.array(z.string().regex(/^\d{1,12}$/).transform(Number)).max(500))
  .default([]);

const DecideForm = z.object({
  /** One item's own button: `<id>:<decision>`. */
  one: z
    .string()
    .regex(new RegExp(`^\\d{1,12}:(${REVIEW_DECISIONS.join('|')})$`))
    .optional(),
  ids: ItemIds,
  action: z.enum(REVIEW_DECISIONS).optional().catch(undefined),
  confirm: z.literal('1').optional(),
  comment: CommentSchema,
  return: z.string().max(2000).default('/review'),
});

/** Back to the queue only, with its filters. */
function backTo(candidate: string | undefined): string {
  const target = safeRedirectTarget(candidate, '/review');
  return target === '/review' || target.startsWith('/review?') ? target : '/review';
}

function refusalErrors(view: View, result: Extract<DecideResult, { ok: false }>): FieldErrors {
  const { t } = view;
  return {
    '': [
      t.review.refused,
      ...result.refusals.map((refusal) => `${refusal.host ?? `n° ${refusal.itemId}`} — ${t.review.refusals[refusal.refusal]}`),
      ...result.failures.flatMap((failure) => Object.values(issueErrors(failure.issues, view.lang, [])).flat().map((message) => `${failure.host} — ${message}`)),
    ],
  };
}

export function reviewRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();
  const { db } = deps;

  const queryOf = (search: URLSearchParams): ReviewQuery => ({ ...lenientQuery(ReviewQuerySchema, Object.fromEntries(search)), perPage: PER_PAGE });

  const showQueue = async (c: Context<ConsoleEnv>, query: ReviewQuery, errors: FieldErrors = {}, status: 200 | 409 | 422 = 200) => {
    const view = viewOf(c);
    const done = view.url.searchParams.get('done') === 'decided' ? Number.parseInt(view.url.searchParams.get('count') ?? '0', 10) || 0 : 0;
    return renderPage(c, {
      title: view.t.review.title,
      status,
      hasErrors: Object.keys(errors).length > 0,
      body: <ReviewQueuePage view={view} query={query} page={await listReviewItems(db, query)} errors={errors} notice={done > 0 ? view.t.review.notice(done) : undefined} hasRuns={deps.crawlControl !== undefined} />,
    });
  };

  app.get('/', requirePermission('read'), (c) => showQueue(c, queryOf(new URL(c.req.url).searchParams)));

  app.post('/decide', requirePermission('edit'), async (c) => {
    const view = viewOf(c);
    const form = DecideForm.safeParse(await formBody(c, { all: true }));
    const back = backTo(form.success ? form.data.return : undefined);
    const backQuery = queryOf(new URL(back, 'http://console.invalid').searchParams);
    if (!form.success) return showQueue(c, backQuery, shapeErrors(form.error, view.t), 422);
    const { one, comment } = form.data;
    let ids = form.data.ids;
    let decision: ReviewDecision | undefined = form.data.action;
    let confirmed = form.data.confirm === '1';
    if (one !== undefined) {
      // One item's own button: decided at once, whatever else is checked.
      const [id, chosen] = one.split(':');
      ids = [Number(id)];
      decision = chosen as ReviewDecision;
      confirmed = true;
    }
    const errors: FieldErrors = {};
    if (ids.length === 0) errors[''] = [view.t.review.batchNone];
    if (decision === undefined) errors.action = [view.t.review.batchNoAction];
    if (decision === undefined || Object.keys(errors).length > 0) return showQueue(c, backQuery, errors, 422);
    if (!confirmed) {
      const items = (await Promise.all(ids.map((id) => reviewItemById(db, id)))).filter((item): item is ReviewItem => item !== undefined);
      return renderPage(c, { title: view.t.review.confirmTitle, body: <ReviewConfirmPage view={view} items={items} decision={decision} comment={comment} back={back} /> });
    }
    const result = await decideReviewItems(db, actorOf(c), ids, decision, comment, deps.now().toISOString());
    if (result.ok) return c.redirect(withNotice(back, 'decided', { count: result.decided }), 303);
    return showQueue(c, backQuery, refusalErrors(view, result), result.refusals.some((refusal) => refusal.refusal === 'already-decided') ? 409 : 422);
  });

  return app;
}
