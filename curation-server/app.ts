/**
 * The curation server as an app factory: `createApp({ db })` gives a Hono app that tests call with
 * `app.request()` and that main.ts serves. Routers are mounted in order: health and assets, the
 * published list channel (/v1, public), the JSON API (token auth), then the console (sessions).
 */
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Kysely } from 'kysely';
import { apiApp } from './api/api-app.ts';
import type { AppDeps, ConsoleEnv } from './app-env.ts';
import { LoginThrottle } from './auth/login-throttle.ts';
import { consoleApp } from './console-app.ts';
import type { Database } from './db/schema.ts';
import { badRequestReason } from './http/bad-request.ts';
import { MESSAGES } from './i18n/messages.ts';
import { bodyLimits } from './middleware/body-limits.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { assetRoutes } from './routes/assets.ts';
import { healthRoutes } from './routes/health.ts';
import { listChannelRoutes } from './list-channel/list-channel-routes.ts';
import type { ListPublisher } from './publishing/list-publisher.ts';
import { ReportThrottle } from './review/report-throttle.ts';
import type { CrawlControl } from './review/review-types.ts';
import { consoleErrorResponse, logCrash } from './views/error-response.tsx';
import { renderError } from './views/render.tsx';

export interface AppOptions {
  db: Kysely<Database>;
  /** Publishes the list into its directory, which /v1/ serves. */
  publisher: ListPublisher;
  secureCookies?: boolean;
  trustProxy?: boolean;
  loginThrottle?: LoginThrottle;
  /** The clock sessions are checked against (tests move it). */
  now?: () => Date;
  reportThrottle?: ReportThrottle;
  crawlControl?: CrawlControl;
  /** The console's public address (SDC_PUBLIC_URL), for the links it shows to pass on; else the request's origin. */
  publicUrl?: string | null;
}

export function createApp(options: AppOptions) {
  const deps: AppDeps = {
    db: options.db,
    publisher: options.publisher,
    secureCookies: options.secureCookies ?? false,
    trustProxy: options.trustProxy ?? false,
    loginThrottle: options.loginThrottle ?? new LoginThrottle(),
    now: options.now ?? (() => new Date()),
    reportThrottle: options.reportThrottle ?? new ReportThrottle(),
    crawlControl: options.crawlControl,
    publicUrl: options.publicUrl ?? null,
  };
  const app = new Hono<ConsoleEnv>();
  app.use(securityHeaders(deps.secureCookies), bodyLimits());
  app.route('/', healthRoutes(deps));
  app.route('/', assetRoutes());
  app.route('/v1', listChannelRoutes(options.publisher.directory));
  app.route('/api', apiApp(deps));
  app.route('/', consoleApp(deps));

  app.notFound((c) => renderError(c, 'notFound'));
  // The console renders its own errors (consoleApp's onError); here arrive the API's, answered in JSON —
  // client errors (HTTPException 4xx: body limit, unreadable bodies) with their status and reason, anything
  // else is a crash: logged, and answered 500 — and those thrown before any router (a body limit), which
  // outside the API get the console's page.
  const consoleError = consoleErrorResponse(deps.secureCookies);
  app.onError((error, c) => {
    if (!c.req.path.startsWith('/api/')) return consoleError(error, c);
    logCrash(error, c);
    if (!(error instanceof HTTPException) || error.status >= 500) return c.json({ error: 'internal-error' }, 500);
    if (error.status === 413) return c.json({ error: 'payload-too-large' }, 413);
    const reason = badRequestReason(error);
    const issues = [{ code: reason, message: MESSAGES.fr.errors.badRequestReasons[reason] }];
    return reason === 'unsupported-media-type' ? c.json({ error: reason, issues }, 415) : c.json({ error: 'invalid-request', issues }, 400);
  });
  return app;
}
