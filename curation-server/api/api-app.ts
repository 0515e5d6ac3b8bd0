/**
 * The JSON API under /api, for scripts: the console's operations behind bearer tokens, described
 * by an OpenAPI document generated from the same zod schemas that validate the requests.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv, AppDeps } from '../app-env.ts';
import { apiTokenAuth } from './api-auth.ts';
import { atlaasApi } from './atlaas-api.ts';
import { historyApi } from './history-api.ts';
import { importsApi } from './imports-api.ts';
import { sourcesApi } from './sources-api.ts';

export function apiApp(deps: AppDeps) {
  const api = new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = result.error.issues.map((issue) => ({ field: issue.path.join('.'), code: 'invalid', message: issue.message }));
        return c.json({ error: 'invalid-request', issues }, 400);
      }
    },
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'Bearer', { type: 'http', scheme: 'bearer', description: 'A token created by an administrator (console, Administration › API tokens).' });
  // The document is public and registered before the authentication middleware, which therefore does not run for it.
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Sources de confiance — curation API',
      version: '1',
      description: 'The operations of the curation console, for scripts. Refusals carry codes and French messages.',
      license: { name: 'MIT', url: 'https://spdx.org/licenses/MIT.html' },
    },
    servers: [{ url: '/api' }],
  });
  // Public and read-only: registered before the authentication middleware, like the document.
  atlaasApi(deps, api);
  api.use('*', apiTokenAuth(deps));
  sourcesApi(deps, api);
  historyApi(deps, api);
  importsApi(deps, api);
  api.all('*', (c) => c.json({ error: 'not-found' }, 404));
  return api;
}
