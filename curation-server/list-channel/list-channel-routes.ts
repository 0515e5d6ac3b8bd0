/**
 * The list channel: the published directory (corpus/node/list-directory.ts) served over HTTP under
 * /v1/, as a static host or CDN would serve it.
 *
 * - snapshots/<N>.tsv and deltas/<M>-<N>.tsv never change once written: cached for a year as
 *   immutable, with strong ETags;
 * - manifest.json changes at each publication and daily re-signing: short cache, ETag, and
 *   `If-None-Match` answered with 304 so that thousands of polling extensions cost almost nothing;
 * - bodies are sent brotli- or gzip-compressed when the client accepts it (precompressed once and
 *   kept in memory), each encoding with its own ETag.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { Hono } from 'hono';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const MANIFEST_CACHE = 'public, max-age=60, must-revalidate';
const FILE_NAMES: Record<string, RegExp> = { snapshots: /^\d{1,9}\.tsv$/, deltas: /^\d{1,9}-\d{1,9}\.tsv$/ };
const CACHED_FILES = 32;

type Encoding = 'br' | 'gzip' | 'identity';

interface Representations {
  /** Modification time and size of the file when it was read, to notice a new manifest. */
  stamp: string;
  bodies: Record<Encoding, Uint8Array>;
  etags: Record<Encoding, string>;
}

function represent(body: Uint8Array, stamp: string): Representations {
  const bodies: Record<Encoding, Uint8Array> = {
    identity: body,
    gzip: gzipSync(body, { level: 9 }),
    br: brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  };
  const digest = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return {
    stamp,
    bodies,
    etags: { identity: `"${digest}"`, gzip: `"${digest}-gz"`, br: `"${digest}-br"` },
  };
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

export function listChannelRoutes(directory: string): Hono {
  const cache = new Map<string, Representations>();

  /** The file's representations, read and compressed once (again only if the file changed). */
  async function load(relativePath: string): Promise<Representations | null> {
    const path = join(directory, relativePath);
    let stamp: string;
    try {
      const info = await stat(path);
      if (!info.isFile()) return null;
      stamp = `${info.mtimeMs}:${info.size}`;
    } catch {
      return null;
    }
    const cached = cache.get(relativePath);
    if (cached?.stamp === stamp) return cached;
    const loaded = represent(new Uint8Array(await readFile(path)), stamp);
    cache.delete(relativePath);
    cache.set(relativePath, loaded);
    if (cache.size > CACHED_FILES) cache.delete(cache.keys().next().value as string);
    return loaded;
  }

  interface Request {
    acceptEncoding: string | undefined;
    ifNoneMatch: string | undefined;
  }

  async function serve(request: Request, relativePath: string, cacheControl: string, contentType: string): Promise<Response> {
    const file = await load(relativePath);
    if (file === null) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    const encoding = preferredEncoding(request.acceptEncoding);
    const headers: Record<string, string> = {
      'Cache-Control': cacheControl,
      ETag: file.etags[encoding],
      Vary: 'Accept-Encoding',
      'Content-Type': contentType,
      'X-Content-Type-Options': 'nosniff',
      'Access-Control-Allow-Origin': '*',
    };
    if (matchesEtag(request.ifNoneMatch, file.etags[encoding])) return new Response(null, { status: 304, headers });
    if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
    const body = file.bodies[encoding];
    headers['Content-Length'] = String(body.length);
    return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers });
  }

  const routes = new Hono();
  const requestOf = (header: (name: string) => string | undefined): Request => ({
    acceptEncoding: header('accept-encoding'),
    ifNoneMatch: header('if-none-match'),
  });
  routes.get('/manifest.json', (c) => serve(requestOf((name) => c.req.header(name)), 'manifest.json', MANIFEST_CACHE, 'application/json; charset=utf-8'));
  routes.get('/:folder{snapshots|deltas}/:name', (c) => {
    const folder = c.req.param('folder');
    const name = c.req.param('name');
    if (!FILE_NAMES[folder]?.test(name)) return Promise.resolve(c.text('Not found', 404) as Response);
    return serve(requestOf((header) => c.req.header(header)), `${folder}/${name}`, IMMUTABLE, 'text/tab-separated-values; charset=utf-8');
  });
  return routes;
}
