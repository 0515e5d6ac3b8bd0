/**
 * Test fixtures for the HTTP layer: the real app on a temporary database, and a client that keeps
 * cookies like a browser and sends the page's CSRF token with its forms — through app.request(),
 * or over HTTP to a running server (`serverClient`).
 */
import { join } from 'node:path';
import { createKeyFiles } from '../../corpus/node/signing-key-files.ts';
import type { Source } from '../../corpus/source.ts';
import { createApp, type AppOptions } from '../app.ts';
import type { Role } from '../auth/roles.ts';
import { createUser } from '../auth/users.ts';
import { ListPublisher } from '../publishing/list-publisher.ts';
import { type TempDatabase, tempDatabase } from './temp-database.ts';

export const PASSWORD = 'correct horse battery staple';

type App = ReturnType<typeof createApp>;
type Send = (path: string, init: RequestInit) => Promise<Response>;

const FRENCH = { 'accept-language': 'fr-FR,fr;q=0.9' };

export class ConsoleClient {
  readonly cookies = new Map<string, string>();
  csrfToken = '';

  private readonly send: Send;

  /** Through `app.request()` for an app, over HTTP for a `send` function (see serverClient). */
  constructor(
    target: App | Send,
    private readonly headers: Record<string, string> = {},
  ) {
    this.send = typeof target === 'function' ? target : async (path, init) => target.request(path, init);
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(this.headers)) if (!headers.has(name)) headers.set(name, value);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await this.send(path, { ...init, headers });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      const expired = attributes.some((attribute) => /^\s*max-age=0$/i.test(attribute)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  /** GETs a page and remembers its CSRF token. */
  async page(path: string): Promise<{ response: Response; html: string }> {
    const response = await this.request(path);
    const html = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (token !== undefined) this.csrfToken = token;
    return { response, html };
  }

  /** POSTs a form (with the CSRF token unless it is given). Repeated fields: pass an array. */
  post(path: string, fields: Record<string, string | string[]>, options: { csrf?: boolean } = {}): Promise<Response> {
    const body = new URLSearchParams();
    if (options.csrf !== false) body.set('_csrf', this.csrfToken);
    for (const [name, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
    return this.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  async logIn(email: string, password = PASSWORD): Promise<Response> {
    await this.page('/login');
    const response = await this.post('/login', { email, password });
    await this.page('/sources');
    return response;
  }
}

/** A client of a running server (testing/server-process.ts) over HTTP; redirects are returned, not followed. */
export function serverClient(url: string): ConsoleClient {
  return new ConsoleClient((path, init) => fetch(`${url}${path}`, { ...init, redirect: 'manual' }), FRENCH);
}

export interface ConsoleFixture extends TempDatabase {
  app: App;
  /** Publishes into `<directory>/lists/v1`, with the keys in `<directory>/keys`. */
  publisher: ListPublisher;
  keysDirectory: string;
  /** A client signed in with an account of this role (created on first use). */
  as(role: Role): Promise<ConsoleClient>;
  anonymous(): ConsoleClient;
}

type FixtureOptions = Omit<AppOptions, 'db' | 'publisher'> & {
  sources?: readonly Source[];
  /** Put a signing key in the keys directory (without one, publishing is refused). */
  signingKey?: boolean;
};

export async function consoleFixture(options: FixtureOptions = {}): Promise<ConsoleFixture> {
  const temp = await tempDatabase(options.sources);
  const keysDirectory = join(temp.directory, 'keys');
  if (options.signingKey === true) await createKeyFiles(keysDirectory);
  const publisher = new ListPublisher({ db: temp.db, directory: join(temp.directory, 'lists', 'v1'), keysDirectory, now: options.now });
  const app = createApp({ ...options, db: temp.db, publisher });
  const created = new Set<Role>();
  return {
    ...temp,
    app,
    publisher,
    keysDirectory,
    anonymous: () => new ConsoleClient(app, FRENCH),
    async as(role: Role) {
      const email = `${role}@example.org`;
      if (!created.has(role)) {
        const user = await createUser(temp.db, { email, role, password: PASSWORD });
        if (!user.ok) throw new Error(user.problem);
        created.add(role);
      }
      const client = new ConsoleClient(app, FRENCH);
      const response = await client.logIn(email);
      if (response.status !== 303) throw new Error(`sign-in as ${role}: ${response.status}`);
      return client;
    },
  };
}
