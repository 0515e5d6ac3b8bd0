/** GET /healthz: 200 once the server answers and its database does. For load balancers and start scripts. */
import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppDeps } from '../app-env.ts';

export function healthRoutes(deps: AppDeps) {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    await sql`select 1`.execute(deps.db);
    return c.json({ status: 'ok' });
  });
  return app;
}
