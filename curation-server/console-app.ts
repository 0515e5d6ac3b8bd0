/** The web console: server-rendered pages for curators, behind sessions, CSRF checks and roles. */
import { Hono } from 'hono';
import type { AppDeps, ConsoleEnv } from './app-env.ts';
import { csrf } from './middleware/csrf.ts';
import { language } from './middleware/language.ts';
import { noStore } from './middleware/no-store.ts';
import { session } from './middleware/session.ts';
import { passwordChange } from './middleware/password-change.ts';
import { accountPasswordRoutes } from './routes/account-password.tsx';
import { activityRoutes, batchRoutes, eventRoutes } from './routes/activity.tsx';
import { adminRoutes } from './routes/admin.tsx';
import { atlaasRoutes } from './routes/atlaas.tsx';
import { importRoutes } from './routes/imports.tsx';
import { loginRoutes } from './routes/login.tsx';
import { reviewRoutes } from './routes/review.tsx';
import { reportRoutes } from './routes/reports.tsx';
import { crawlRunRoutes } from './routes/crawl-runs.tsx';
import { sourceRoutes } from './routes/sources.tsx';
import { consoleErrorResponse } from './views/error-response.tsx';

export function consoleApp(deps: AppDeps) {
  const app = new Hono<ConsoleEnv>();
  app.use(noStore(), language(deps.secureCookies), session(deps), csrf(deps));
  app.use(passwordChange());
  app.get('/', (c) => c.redirect('/sources', 303));
  // Each router under its own prefix, so the order below does not matter; only sign-in and
  // sign-out (/login, /logout) share none.
  app.route('/', loginRoutes(deps));
  app.route('/sources', sourceRoutes(deps));
  app.route('/activity', activityRoutes(deps));
  app.route('/events', eventRoutes(deps));
  app.route('/batches', batchRoutes(deps));
  app.route('/atlaas', atlaasRoutes(deps));
  app.route('/import', importRoutes(deps));
  app.route('/admin', adminRoutes(deps));
  app.route('/review', reviewRoutes(deps));
  app.route('/signaler', reportRoutes(deps));
  app.route('/account', accountPasswordRoutes(deps));
  // The runs page exists when the app is given the crawler's control (main.ts wires the engine).
  if (deps.crawlControl !== undefined) app.route('/crawl-runs', crawlRunRoutes({ ...deps, crawlControl: deps.crawlControl }));
  // Middleware and handlers throw typed errors (http/console-errors.ts); they are rendered here, and only here.
  app.onError(consoleErrorResponse(deps.secureCookies));
  return app;
}
