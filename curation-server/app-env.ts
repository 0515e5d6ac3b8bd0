/** What the app is built from, and what middleware hands to handlers (Hono context variables). */
import type { Kysely } from 'kysely';
import type { Actor } from './auth/actor.ts';
import type { LoginThrottle } from './auth/login-throttle.ts';
import type { User } from './auth/users.ts';
import type { Database } from './db/schema.ts';
import type { ListPublisher } from './publishing/list-publisher.ts';
import type { Lang, Messages } from './i18n/messages.ts';
import type { ReportThrottle } from './review/report-throttle.ts';
import type { CrawlControl } from './review/review-types.ts';

export interface AppDeps {
  db: Kysely<Database>;
  publisher: ListPublisher;
  /** Served over HTTPS (directly or behind a proxy): cookies get `Secure` and the `__Host-` prefix, HSTS is sent. */
  secureCookies: boolean;
  /** Behind a reverse proxy: the client address is read from X-Forwarded-For. */
  trustProxy: boolean;
  loginThrottle: LoginThrottle;
  now(): Date;
  /** Public reports per client address (routes/reports.tsx). */
  reportThrottle: ReportThrottle;
  /** The crawler's runs, driven from the console's runs page (absent: no runs page). */
  crawlControl?: CrawlControl;
  /** The console's public address (SDC_PUBLIC_URL, ending in /), or null: links to pass on are then made from the request's origin. */
  publicUrl: string | null;
}

export interface ConsoleVariables {
  lang: Lang;
  t: Messages;
  /** The signed-in account, or null. */
  user: User | null;
  /** The token every form of this page must send back (middleware/csrf.ts). */
  csrfToken: string;
}

export type ConsoleEnv = { Variables: ConsoleVariables };

export type ApiEnv = { Variables: { actor: Actor } };
