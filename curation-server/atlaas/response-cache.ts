/**
 * The public Atlaas API's answers, kept in memory with their ETag until the database changes: its
 * data moves only with an import, a link decision or a source edit, while the same lookups (a big
 * city, a popular site) come back again and again. The cache is keyed by the request's path and
 * query, and checked against a fingerprint of the database — SQLite's `data_version` (commits by
 * other connections: `npm run atlaas:import` in another process) and `total_changes()` (this
 * connection's writes: the console) — so that an answer is never older than the data. The ETag is
 * a SHA-1 of the body; `If-None-Match` gets a 304, cached or not.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';

interface Entry {
  fingerprint: string;
  status: 200 | 404;
  body: string;
  etag: string;
}

export interface ResponseCacheOptions {
  /** Answers kept at most (least recently used dropped first). */
  entries?: number;
  /** Characters of bodies kept at most, all answers together. */
  totalChars?: number;
  /** Bodies larger than this are answered but not kept. */
  maxBodyChars?: number;
  /** Headers of every answer (a 304 too). */
  cacheControl: string;
}

export async function databaseFingerprint(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ changes: number; version: number }>`select total_changes() as changes, (select data_version from pragma_data_version) as version`.execute(db);
  return `${rows[0].version}:${rows[0].changes}`;
}

const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('hex')}"`;

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  return ifNoneMatch !== undefined && (ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag));
}

export function responseCache(db: Kysely<Database>, options: ResponseCacheOptions): MiddlewareHandler {
  const entries = new Map<string, Entry>();
  const limit = options.entries ?? 2_000;
  const totalLimit = options.totalChars ?? 16 * 1024 * 1024;
  const maxBody = options.maxBodyChars ?? 256 * 1024;
  let total = 0;
  const forget = (key: string) => {
    const entry = entries.get(key);
    if (entry === undefined) return;
    total -= entry.body.length;
    entries.delete(key);
  };
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const url = new URL(c.req.url);
    const key = url.pathname + url.search;
    const fingerprint = await databaseFingerprint(db);
    const answer = (entry: Entry) => {
      const headers = { ETag: entry.etag, 'Cache-Control': options.cacheControl };
      if (matches(c.req.header('if-none-match'), entry.etag)) return c.body(null, 304, headers);
      return c.body(entry.body, entry.status, { ...headers, 'Content-Type': 'application/json' });
    };
    const kept = entries.get(key);
    if (kept !== undefined && kept.fingerprint === fingerprint) {
      // Most recently used last: the first key is the one to drop.
      entries.delete(key);
      entries.set(key, kept);
      return answer(kept);
    }
    await next();
    const status = c.res.status;
    if ((status !== 200 && status !== 404) || !(c.res.headers.get('content-type') ?? '').startsWith('application/json')) return;
    const body = await c.res.text();
    const entry: Entry = { fingerprint, status, body, etag: etagOf(body) };
    forget(key);
    if (body.length <= maxBody) {
      entries.set(key, entry);
      total += body.length;
      while (entries.size > limit || total > totalLimit) forget(entries.keys().next().value as string);
    }
    c.res = answer(entry);
  };
}
