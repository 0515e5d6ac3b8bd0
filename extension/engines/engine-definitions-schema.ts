/**
 * The schema of engine definitions (engine-record.ts), for the bundled file (checked by the build
 * and the tests) and for a file published with the list, which the background verifies before use.
 * A definition is selectors and names, never code: the generic extractor only ever reads result
 * blocks and the href of their main link. A published file may only describe result pages the
 * built extension already runs on (new hosts need a release, whose manifest declares them).
 */
import * as z from 'zod/mini';
import { ENGINE_DEFINITIONS_FORMAT, ENGINE_IDS, type EngineDefinitions, type EngineId, REDIRECT_DECODERS } from './engine-record.ts';

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
// A CSS selector as definitions write them: printable ASCII, no block or at-rule characters, no
// `:has(` (older browsers on public machines do not know it, and it makes every mutation costly).
const SELECTOR = z.string().check(
  z.minLength(1),
  z.maxLength(400),
  z.regex(/^[\x20-\x7e]+$/, 'printable ASCII only'),
  z.refine((selector) => !/[{};@\\]/.test(selector), 'no "{", "}", ";", "@" or "\\" in a selector'),
  z.refine((selector) => !selector.includes(':has('), '":has(" is not supported by older browsers'),
);
const hostname = z.string().check(z.regex(HOSTNAME, 'a lowercase hostname'));
/** An engine's own hosts: a hostname (itself and its subdomains), or `name.*` (that name under any country's domain). */
const OWN_HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:\*|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)$/;
const path = z.string().check(z.regex(/^\/[\x21-\x7e]{0,100}$/, 'a path starting with "/"'));
/** An array of `item`, with bounds. */
const list = <T extends z.core.SomeType>(item: T, min: number, max: number) => z.array(item).check(z.minLength(min), z.maxLength(max));

const REDIRECT = z.strictObject({
  path,
  param: z.string().check(z.regex(/^[A-Za-z0-9_.-]{1,40}$/, 'a query parameter name')),
  decoder: z.enum(REDIRECT_DECODERS),
});

const RECORD = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/, 'lowercase letters, digits and "-"')),
  engine: z.enum(ENGINE_IDS as [EngineId, ...EngineId[]]),
  notes: z.optional(list(z.string().check(z.maxLength(1000)), 0, 20)),
  hosts: list(hostname, 1, 40),
  resultPaths: list(path, 1, 10),
  result: SELECTOR,
  excludeWithin: list(SELECTOR, 0, 40),
  excludeContaining: z.optional(list(SELECTOR, 0, 40)),
  link: SELECTOR,
  ownHosts: list(z.string().check(z.regex(OWN_HOST, 'a lowercase hostname, or a name ending with ".*" (any country\'s domain)')), 0, 200),
  redirects: list(REDIRECT, 0, 10),
});

const DEFINITIONS = z.strictObject({
  format: z.literal(ENGINE_DEFINITIONS_FORMAT),
  engines: list(RECORD, 1, 40),
});

/** What a refusal says: the checks' own words, or what a field left unknown or of the wrong kind is (zod/mini brings no messages of its own). */
function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
  if (issue.code === 'invalid_value') return `expected ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`;
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'too_small' || issue.code === 'too_big') return `${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(issue.code === 'too_small' ? issue.minimum : issue.maximum)}`;
  return issue.message;
}

export type DefinitionsReading = { ok: true; definitions: EngineDefinitions } | { ok: false; reason: string };

/** Whether a match pattern of the built manifest (`*://host/path*`) covers a result page of `host` under `path`. */
function patternCovers(pattern: string, host: string, path: string): boolean {
  const parsed = /^\*:\/\/([^/]+)(\/.*)\*$/.exec(pattern);
  return parsed !== null && parsed[1] === host && path.startsWith(parsed[2]);
}

/**
 * Reads engine definitions: the schema, then one record per id and per result page, and — given
 * the built manifest's match patterns — only pages the extension already runs on. Every refusal has a reason.
 */
export function readEngineDefinitions(value: unknown, builtMatches?: readonly string[]): DefinitionsReading {
  const parsed = DEFINITIONS.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue.path.join('.') || '(file)'}: ${issueText(issue)}` };
  }
  const { engines } = parsed.data;
  const ids = new Set<string>();
  const pages = new Set<string>();
  for (const record of engines) {
    if (ids.has(record.id)) return { ok: false, reason: `engines: "${record.id}" is defined twice` };
    ids.add(record.id);
    for (const host of record.hosts) {
      for (const path of record.resultPaths) {
        if (pages.has(`${host}${path}`)) return { ok: false, reason: `engines.${record.id}: ${host}${path} is described by two records` };
        pages.add(`${host}${path}`);
        if (builtMatches !== undefined && !builtMatches.some((pattern) => patternCovers(pattern, host, path))) {
          return { ok: false, reason: `engines.${record.id}: ${host}${path} is not a result page this version of the extension runs on (a new host needs a new release)` };
        }
      }
    }
  }
  return { ok: true, definitions: parsed.data };
}
