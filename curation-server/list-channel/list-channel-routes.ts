/**
 * The list channel: the published directory (corpus/node/list-directory.ts) served over HTTP under
 * /v1/, as a static host or CDN would serve it.
 *
 * - snapshots/<N>.tsv, deltas/<M>-<N>.tsv and engines/<sha256>.json (the search engines'
 *   definitions the manifest names) never change once written: cached for a year as immutable,
 *   with strong ETags;
 * - manifest.json changes at each publication and daily re-signing: short cache, ETag, and
 *   `If-None-Match` answered with 304 so that thousands of polling extensions cost almost nothing;
 * - bodies are sent brotli- or gzip-compressed when the client accepts it, from the compressed
 *   forms written beside each file at publication (list-directory.ts): nothing is compressed here,
 *   so that no request — /healthz, the console — ever waits behind a compression. A file without
 *   its compressed forms (published by an older version) is sent as it is.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import { COMPRESSED_FORMS } from '../../corpus/node/list-directory.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const MANIFEST_CACHE = 'public, max-age=60, must-revalidate';
const FILE_NAMES: Record<string, RegExp> = { snapshots: /^\d{1,9}\.tsv$/, deltas: /^\d{1,9}-\d{1,9}\.tsv$/, engines: /^[0-9a-f]{64}\.json$/ };
const CONTENT_TYPES: Record<string, string> = {
  snapshots: 'text/tab-separated-values; charset=utf-8',
  deltas: 'text/tab-separated-values; charset=utf-8',
  engines: 'application/json; charset=utf-8',
};
const CACHED_FILES = 32;

type Encoding = 'br' | 'gzip' | 'identity';
const ETAG_SUFFIX: Record<Encoding, string> = { identity: '', gzip: '-gz', br: '-br' };

interface StoredFile {
  /** Modification time and size of the file when it was read, to notice a new manifest. */
  stamp: string;
  body: Uint8Array;
  /** Of a plain file's bytes (computed when first needed), so that a re-signed manifest always gets a new ETag. */
  digest?: string;
}

function preferredEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = (acceptEncoding ?? '').toLowerCase();
  const allows = (name: string) => new RegExp(`(?:^|,)\\s*${name}\\s*(?:;\\s*q=(?!0(?:\\.0*)?\\s*(?:,|$))[\\d.]+)?\\s*(?:,|$)`).test(accepted);
  if (allows('br')) return 'br';
  if (allows('gzip')) return 'gzip';
  return 'identity';
}

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

async function stampOf(path: string): Promise<string | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? `${info.mtimeMs}:${info.size}` : null;
  } catch {
    return null;
  }
}

export function listChannelRoutes(directory: string): Hono {
  const cache = new Map<string, StoredFile>();

  /** A file as stored (plain or one of its compressed forms), read once (again only if it changed). */
  async function load(relativePath: string): Promise<StoredFile | null> {
    const path = join(directory, relativePath);
    const stamp = await stampOf(path);
    if (stamp === null) return null;
    const cached = cache.get(relativePath);
    if (cached?.stamp === stamp) return cached;
    const loaded: StoredFile = { stamp, body: new Uint8Array(await readFile(path)) };
    cache.delete(relativePath);
    cache.set(relativePath, loaded);
    if (cache.size > CACHED_FILES) cache.delete(cache.keys().next().value as string);
    return loaded;
  }

  /** What to send for the encoding asked (the plain file when its compressed form is missing), and the ETag. */
  async function representation(relativePath: string, wanted: Encoding): Promise<{ body: Uint8Array; encoding: Encoding; etag: string } | null> {
    const plain = await load(relativePath);
    if (plain === null) return null;
    // Hashed once per change of the file: a manifest is small; a snapshot is hashed when first asked.
    plain.digest ??= createHash('sha256').update(plain.body).digest('base64url').slice(0, 27);
    const compressed = wanted === 'identity' ? null : await load(relativePath + COMPRESSED_FORMS[wanted]);
    const encoding = compressed === null ? 'identity' : wanted;
    return { body: (compressed ?? plain).body, encoding, etag: `"${plain.digest}${ETAG_SUFFIX[encoding]}"` };
  }

  interface Request {
    acceptEncoding: string | undefined;
    ifNoneMatch: string | undefined;
  }

  async function serve(request: Request, relativePath: string, cacheControl: string, contentType: string): Promise<Response> {
    const found = await representation(relativePath, preferredEncoding(request.acceptEncoding));
    if (found === null) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    const { body, encoding, etag } = found;
    const headers: Record<string, string> = {
      'Cache-Control': cacheControl,
      ETag: etag,
      Vary: 'Accept-Encoding',
      'Content-Type': contentType,
      'X-Content-Type-Options': 'nosniff',
      'Access-Control-Allow-Origin': '*',
    };
    if (matchesEtag(request.ifNoneMatch, etag)) return new Response(null, { status: 304, headers });
    if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
    headers['Content-Length'] = String(body.length);
    return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers });
  }

  const routes = new Hono();
  const requestOf = (header: (name: string) => string | undefined): Request => ({
    acceptEncoding: header('accept-encoding'),
    ifNoneMatch: header('if-none-match'),
  });
  routes.get('/manifest.json', (c) => serve(requestOf((name) => c.req.header(name)), 'manifest.json', MANIFEST_CACHE, 'application/json; charset=utf-8'));
  routes.get('/:folder{snapshots|deltas|engines}/:name', (c) => {
    const folder = c.req.param('folder');
    const name = c.req.param('name');
    if (!FILE_NAMES[folder]?.test(name)) return Promise.resolve(c.text('Not found', 404) as Response);
    return serve(requestOf((header) => c.req.header(header)), `${folder}/${name}`, IMMUTABLE, CONTENT_TYPES[folder]);
  });
  return routes;
}
