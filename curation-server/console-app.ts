/** The web console: server-rendered pages for curators, behind sessions, CSRF checks and roles. */
import { Hono } from 'hono';
import type { AppDeps, ConsoleEnv } from './app-env.ts';
import { csrf } from './middleware/csrf.ts';
import { language } from './middleware/language.ts';
import { noStore } from './middleware/no-store.ts';
import { session } from './middleware/session.ts';
import { passwordChange } from './middleware/password-change.ts';
import { accountPasswordRoutes } from './routes/account-password.tsx';
import { activityRoutes } from './routes/activity.tsx';
import { adminRoutes } from './routes/admin.tsx';
import { atlaasRoutes } from './routes/atlaas.tsx';
import { importRoutes } from './routes/imports.tsx';
import { loginRoutes } from './routes/login.tsx';
import { publicationRoutes } from './routes/publications.tsx';
import { reviewRoutes } from './routes/review.tsx';
import { reportRoutes } from './routes/reports.tsx';
import { crawlRunRoutes } from './routes/crawl-runs.tsx';
import { sourceExportRoutes } from './routes/source-exports.ts';
import { sourceRoutes } from './routes/sources.tsx';
import { consoleErrorResponse } from './views/error-response.tsx';

export function consoleApp(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();
  app.use(noStore(), language(deps.secureCookies), session(deps), csrf(deps));
  app.use(passwordChange());
  app.get('/', (c) => c.redirect('/sources', 303));
  app.route('/', loginRoutes(deps));
  // Before the source routes, whose /sources/:id would take "export.csv" for an id.
  app.route('/', sourceExportRoutes(deps));
  app.route('/', sourceRoutes(deps));
  app.route('/', activityRoutes(deps));
  app.route('/', atlaasRoutes(deps));
  app.route('/', importRoutes(deps));
  app.route('/', publicationRoutes(deps));
  app.route('/', adminRoutes(deps));
  app.route('/', reviewRoutes(deps));
  app.route('/', reportRoutes(deps));
  app.route('/', accountPasswordRoutes(deps));
  // The runs page exists when the app is given the crawler's control (main.ts wires the engine).
  if (deps.crawlControl !== undefined) app.route('/', crawlRunRoutes({ ...deps, crawlControl: deps.crawlControl }));
  // Middleware and handlers throw typed errors (http/console-errors.ts); they are rendered here, and only here.
  app.onError(consoleErrorResponse(deps.secureCookies));
  return app;
}
