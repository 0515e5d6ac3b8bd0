/** @jsxImportSource hono/jsx */
/**
 * The crawler's runs in the console, through the CrawlControl the app is given (the engine's
 * crawl-runs.ts): readers follow them, curators and admins start and cancel them.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, ConsoleEnv } from '../app-env.ts';
import { formBody } from '../http/form-body.ts';
import { formatCount, formatInstant } from '../i18n/format.ts';
import { requirePermission, signedInUser } from '../middleware/permission.ts';
import type { CrawlControl, CrawlRunProgress } from '../review/review-types.ts';
import { CHART_OUTCOMES, CrawlRunPage, CrawlRunsPage } from '../views/crawl-runs-page.tsx';
import { renderPage } from '../views/render.tsx';
import { NotFound } from '../http/console-errors.ts';
import { type View, viewOf } from '../views/view.ts';

const StartForm = z.object({
  limit: z
    .string()
    .trim()
    .regex(/^\d{0,7}$/)
    .transform((value) => (value === '' ? undefined : Number(value)))
    .pipe(z.number().int().min(1).max(1_000_000).optional())
    .optional(),
});

const RunId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** The progress as the page's script shows it: the figures, and the texts already written in the page's language. */
function progressJson(view: View, progress: CrawlRunProgress) {
  const { t, lang } = view;
  return {
    ...progress,
    text: {
      checkedOf: t.crawlRuns.checkedOf(formatCount(progress.checked, lang), formatCount(progress.total, lang)),
      state: t.crawlRuns.states[progress.state],
      eta: progress.eta === null ? null : formatInstant(progress.eta, lang),
      outcomes: Object.fromEntries(CHART_OUTCOMES.map((outcome) => [outcome, formatCount(progress.outcomes[outcome] ?? 0, lang)])),
    },
  };
}

export function crawlRunRoutes(deps: AppDeps & { crawlControl: CrawlControl }) {
  const app = new Hono<ConsoleEnv>();
  const control = deps.crawlControl;

  app.get('/', requirePermission('read'), async (c) => {
    const view = viewOf(c);
    return renderPage(c, { title: view.t.crawlRuns.title, body: <CrawlRunsPage view={view} runs={await control.listCrawlRuns()} errors={{}} /> });
  });

  app.post('/', requirePermission('edit'), async (c) => {
    const view = viewOf(c);
    const body = await formBody(c);
    const form = StartForm.safeParse(body);
    if (!form.success) {
      return renderPage(c, {
        title: view.t.crawlRuns.title,
        status: 422,
        hasErrors: true,
        body: <CrawlRunsPage view={view} runs={await control.listCrawlRuns()} errors={{ limit: [view.t.crawlRuns.limitInvalid] }} limit={String(body.limit ?? '').slice(0, 20)} />,
      });
    }
    const id = await control.startCrawlRun({ limit: form.data.limit, startedBy: signedInUser(c).email });
    return c.redirect(`/crawl-runs/${id}`, 303);
  });

  app.get('/:id', requirePermission('read'), async (c) => {
    const view = viewOf(c);
    const id = RunId.safeParse(c.req.param('id'));
    const progress = id.success ? await control.crawlRunProgress(id.data) : undefined;
    if (!id.success || progress === undefined) throw new NotFound();
    const done = view.url.searchParams.get('done');
    const notice = done === 'cancelled' ? view.t.crawlRuns.cancelled : done === 'notCancelled' ? view.t.crawlRuns.notCancelled : undefined;
    return renderPage(c, { title: view.t.crawlRuns.runTitle(id.data), body: <CrawlRunPage view={view} id={id.data} progress={progress} notice={notice} /> });
  });

  app.get('/:id/progress.json', requirePermission('read'), async (c) => {
    const id = RunId.safeParse(c.req.param('id'));
    const progress = id.success ? await control.crawlRunProgress(id.data) : undefined;
    if (!id.success || progress === undefined) return c.json({ error: 'not-found' }, 404);
    return c.json(progressJson(viewOf(c), progress));
  });

  app.post('/:id/cancel', requirePermission('edit'), async (c) => {
    const id = RunId.safeParse(c.req.param('id'));
    if (!id.success) throw new NotFound();
    const cancelled = await control.cancelCrawlRun(id.data);
    return c.redirect(`/crawl-runs/${id.data}?done=${cancelled ? 'cancelled' : 'notCancelled'}`, 303);
  });

  return app;
}
