/**
 * The server's settings, from environment variables (documented in README.md, "Curation server").
 * Bad values stop the start with a message naming the variable, rather than running with a surprise.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { MESSAGES } from './i18n/messages.ts';

export interface ServerConfig {
  host: string;
  port: number;
  databasePath: string;
  /** The signing keys (`<id>.private.pem`, mode 0600): files, never in the database. */
  keysDirectory: string;
  /** Where published lists are written (served under /v1/, copyable to any static host). */
  listsDirectory: string;
  /** The address people use (behind a reverse proxy), ending in `/`: its scheme decides Secure cookies and HSTS. */
  publicUrl: string | null;
  trustProxy: boolean;
  /** Minutes an extension waits at least between two checks of the list channel (in every manifest), or null: the extensions' own interval. */
  minCheckMinutes: number | null;
  /** Whether the first start imports the Atlaas actors from the official divisions (a few seconds, once). */
  atlaasAtStart: boolean;
  /** Whether the server runs the validation crawler on its schedule (hourly batches, a full pass in 7 days). */
  crawlSchedule: boolean;
}

// The operator's terminal is in the console's default language.
const say = MESSAGES.fr.config;
const received = (value: unknown) => say.received(String(value));

/** Digits only: Number() would also take `0x50` or `1e3` for a port. */
function isPort(value: string): boolean {
  return /^\d{1,5}$/.test(value) && Number(value) <= 65535;
}

/**
 * The console's links and its `__Host-` cookies (Path=/) need it at the root of its site; a
 * user or password in the address would be printed in the logs.
 */
function isPublicUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
}

const EnvSchema = z.object({
  SDC_HOST: z.string().default('127.0.0.1'),
  SDC_PORT: z
    .string()
    .default('8787')
    .refine(isPort, { error: (issue) => say.port + received(issue.input) })
    .transform(Number),
  SDC_DB: z.string().default('data/curation.sqlite'),
  SDC_KEYS_DIR: z.string().default('data/keys'),
  SDC_LISTS_DIR: z.string().default('data/lists/v1'),
  SDC_PUBLIC_URL: z
    .string()
    .refine(isPublicUrl, { error: (issue) => say.publicUrl + received(issue.input) })
    .transform((value) => new URL(value).href)
    .optional(),
  SDC_TRUST_PROXY: z.enum(['0', '1', 'true', 'false'], { error: (issue) => say.trustProxy + received(issue.input) }).default('0'),
  SDC_MIN_CHECK_MINUTES: z
    .string()
    .refine((value) => /^\d{1,5}$/.test(value) && Number(value) <= 7 * 24 * 60, { error: (issue) => say.minCheckMinutes + received(issue.input) })
    .transform(Number)
    .optional(),
  SDC_CRAWL_SCHEDULE: z.enum(['0', '1', 'true', 'false'], { error: (issue) => say.crawlSchedule + received(issue.input) }).default('0'),
  SDC_ATLAAS_AT_START: z.enum(['0', '1', 'true', 'false'], { error: (issue) => say.atlaasAtStart + received(issue.input) }).default('1'),
});

export function readServerConfig(env: Record<string, string | undefined>): { ok: true; config: ServerConfig } | { ok: false; problems: string[] } {
  // A variable set empty (`SDC_HOST=` in a unit file) counts as unset: an empty host would listen on every interface.
  const given = Object.fromEntries(Object.entries(env).filter(([name, value]) => name.startsWith('SDC_') && value !== undefined && value.trim() !== ''));
  const parsed = EnvSchema.safeParse(given);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => say.problem(issue.path.join('.'), issue.message)) };
  const { SDC_HOST, SDC_PORT, SDC_DB, SDC_KEYS_DIR, SDC_LISTS_DIR, SDC_PUBLIC_URL, SDC_TRUST_PROXY, SDC_MIN_CHECK_MINUTES, SDC_ATLAAS_AT_START, SDC_CRAWL_SCHEDULE } = parsed.data;
  return {
    ok: true,
    config: {
      host: SDC_HOST,
      port: SDC_PORT,
      databasePath: resolve(SDC_DB),
      keysDirectory: resolve(SDC_KEYS_DIR),
      listsDirectory: resolve(SDC_LISTS_DIR),
      publicUrl: SDC_PUBLIC_URL ?? null,
      trustProxy: SDC_TRUST_PROXY === '1' || SDC_TRUST_PROXY === 'true',
      minCheckMinutes: SDC_MIN_CHECK_MINUTES ?? null,
      atlaasAtStart: SDC_ATLAAS_AT_START === '1' || SDC_ATLAAS_AT_START === 'true',
      crawlSchedule: SDC_CRAWL_SCHEDULE === '1' || SDC_CRAWL_SCHEDULE === 'true',
    },
  };
}
