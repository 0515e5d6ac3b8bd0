/** @jsxImportSource hono/jsx */
/**
 * Reports from the public: `GET /signaler?site=…` (the extension's « signaler » link opens it), a
 * form any visitor can send without an account. The console's CSRF middleware protects it as it
 * protects the sign-in form — a token derived from a random cookie of the browser's own, checked on
 * the post (middleware/csrf.ts) — and sends are limited per client address (report-throttle.ts).
 * Only what the person typed is stored, with the time: not their address.
 */
import { Hono } from 'hono';
import type { AppDeps, ConsoleEnv } from '../app-env.ts';
import { clientAddress } from '../http/client-address.ts';
import { formBody } from '../http/form-body.ts';
import type { Messages } from '../i18n/messages.ts';
import { type ReportProblem, readReportForm } from '../review/report-input.ts';
import { addReport } from '../review/review-queue.ts';
import type { FieldErrors } from '../views/form-fields.tsx';
import { type ReportValues, ReportFormPage, ReportThanksPage } from '../views/report-pages.tsx';
import { renderPage } from '../views/render.tsx';
import { viewOf } from '../views/view.ts';

function problemMessage(t: Messages, problem: ReportProblem): string {
  switch (problem) {
    case 'site':
      return t.reports.siteInvalid;
    case 'kind':
      return t.reports.kindInvalid;
    case 'message-too-long':
      return t.reports.messageTooLong;
    case 'contact':
      return t.reports.contactInvalid;
    case 'unknown-fields':
      return t.reports.unknownFields;
  }
}

/** What the form sent, as typed, to show it again beside the errors. */
function typedValues(body: Record<string, unknown>): ReportValues {
  const text = (name: string, max: number) => (typeof body[name] === 'string' ? (body[name] as string).slice(0, max) : '');
  return { site: text('site', 2000), kind: text('kind', 20), message: text('message', 4000), contact: text('contact', 254) };
}

export function reportRoutes(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();

  app.get('/', (c) => {
    const view = viewOf(c);
    const site = (c.req.query('site') ?? '').slice(0, 2000);
    return renderPage(c, { title: view.t.reports.title, body: <ReportFormPage view={view} values={{ site, kind: '', message: '', contact: '' }} errors={{}} /> });
  });

  app.post('/', async (c) => {
    const view = viewOf(c);
    const admitted = deps.reportThrottle.admit(clientAddress(c, deps.trustProxy), deps.now().getTime());
    if (!admitted.ok) {
      const minutes = Math.max(1, Math.ceil(admitted.retryAfterMs / 60_000));
      c.header('Retry-After', String(Math.ceil(admitted.retryAfterMs / 1000)));
      return renderPage(c, { title: view.t.reports.throttledTitle, status: 429, body: <p>{view.t.reports.throttled(minutes)}</p> });
    }
    // Repeated fields arrive as lists, and are refused: each field is one value.
    const body = await formBody(c, { all: true });
    const reading = readReportForm(body);
    if (!reading.ok) {
      const errors: FieldErrors = {};
      for (const { field, problem } of reading.problems) {
        const message = problemMessage(view.t, problem);
        if (!(errors[field] ?? []).includes(message)) errors[field] = [...(errors[field] ?? []), message];
      }
      const unknown = reading.problems.some((problem) => problem.problem === 'unknown-fields');
      return renderPage(c, {
        title: view.t.reports.title,
        status: unknown ? 400 : 422,
        hasErrors: true,
        body: <ReportFormPage view={view} values={typedValues(body)} errors={errors} />,
      });
    }
    await addReport(deps.db, reading.report, deps.now().toISOString());
    return c.redirect('/signaler/merci', 303);
  });

  app.get('/merci', (c) => {
    const view = viewOf(c);
    return renderPage(c, { title: view.t.reports.thanksTitle, body: <ReportThanksPage view={view} /> });
  });

  return app;
}
