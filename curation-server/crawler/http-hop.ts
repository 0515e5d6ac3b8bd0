/**
 * One HTTP request of the crawler, recorded: a GET through the guarded agent (crawler-agent.ts),
 * never following redirects itself, with timeouts for the headers, the body and the whole request,
 * and a cap on the body (the rest is not read). Failures are values with their kind.
 */
import { gunzipSync, inflateSync, brotliDecompressSync } from 'node:zlib';
import { type Dispatcher, request } from 'undici';
import { NON_PUBLIC_ADDRESS } from './guarded-lookup.ts';

export type FailureKind = 'dns' | 'refused' | 'connect-timeout' | 'timeout' | 'tls' | 'reset' | 'non-public-address' | 'bad-url' | 'other';

export interface HopFailure {
  kind: FailureKind;
  code: string;
  message: string;
}

export interface Hop {
  url: string;
  status: number | null;
  /** The Location header of a redirect, as sent. */
  location: string | null;
  contentType: string | null;
  server: string | null;
  bytes: number;
  /** The body was longer than the cap. */
  truncated: boolean;
  failure: HopFailure | null;
  /** Milliseconds until the headers, and until the end. */
  headersMs: number | null;
  totalMs: number;
}

export interface HopRequest {
  url: string;
  dispatcher: Dispatcher;
  userAgent: string;
  /** Where to connect instead of the URL's default port (tests, benchmark): `{ 'https:': 8443 }`. */
  portOverrides: Partial<Record<'http:' | 'https:', number>>;
  maxBytes: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  totalTimeoutMs: number;
  /** Read the body only when its content type says it is text we want (HTML or robots.txt). */
  wantBody: (contentType: string | null) => boolean;
  signal?: AbortSignal;
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH|ERR_OSSL)/;

function codeOf(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET' && code !== 'UND_ERR_ABORTED') return code;
    current = (current as { cause?: unknown }).cause;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return (error as { name?: unknown } | null)?.name === 'TimeoutError' ? 'ETIMEDOUT' : 'EUNKNOWN';
}

export function failureOf(error: unknown): HopFailure {
  const code = codeOf(error);
  const message = String((error as { message?: unknown } | null)?.message ?? error).slice(0, 300);
  let kind: FailureKind = 'other';
  if (code === NON_PUBLIC_ADDRESS) kind = 'non-public-address';
  else if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'EAI_AGAIN' || code === 'ESERVFAIL' || code === 'ETIMEOUT' || code === 'ECONNREFUSED_DNS') kind = 'dns';
  else if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') kind = 'refused';
  else if (code === 'UND_ERR_CONNECT_TIMEOUT') kind = 'connect-timeout';
  else if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT' || code === 'ABORT_ERR') kind = 'timeout';
  else if (TLS_CODES.test(code)) kind = 'tls';
  else if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_CLOSED' || code === 'HPE_INVALID_CONSTANT') kind = 'reset';
  return { kind, code, message };
}

function charsetOf(contentType: string | null, head: Buffer): string {
  const declared = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head.toString('latin1'))?.[1];
  const label = (declared ?? 'utf-8').toLowerCase();
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return 'utf-8';
  }
}

function decoded(raw: Buffer, encoding: string | null, maxBytes: number): Buffer {
  const options = { maxOutputLength: maxBytes };
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(raw, options);
    if (encoding === 'deflate') return inflateSync(raw, options);
    if (encoding === 'br') return brotliDecompressSync(raw, options);
  } catch {
    // A truncated or over-long compressed body: what could be read is not worth more.
    return Buffer.alloc(0);
  }
  return raw;
}

function connectUrl(url: URL, overrides: HopRequest['portOverrides']): string {
  const port = overrides[url.protocol as 'http:' | 'https:'];
  if (port === undefined || url.port !== '') return url.href;
  const copy = new URL(url.href);
  copy.port = String(port);
  return copy.href;
}

export async function fetchHop(options: HopRequest): Promise<{ hop: Hop; body: string | null }> {
  const started = performance.now();
  const hop: Hop = { url: options.url, status: null, location: null, contentType: null, server: null, bytes: 0, truncated: false, failure: null, headersMs: null, totalMs: 0 };
  const deadline = AbortSignal.timeout(options.totalTimeoutMs);
  const signal = options.signal === undefined ? deadline : AbortSignal.any([deadline, options.signal]);
  let body: string | null = null;
  try {
    const url = new URL(options.url);
    const response = await request(connectUrl(url, options.portOverrides), {
      method: 'GET',
      dispatcher: options.dispatcher,
      headers: { host: url.host, 'user-agent': options.userAgent, accept: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5', 'accept-language': 'fr,en;q=0.5', 'accept-encoding': 'gzip, deflate, br' },
      headersTimeout: options.headersTimeoutMs,
      bodyTimeout: options.bodyTimeoutMs,
      signal,
    });
    hop.headersMs = Math.round(performance.now() - started);
    hop.status = response.statusCode;
    const header = (name: string): string | null => {
      const value = response.headers[name];
      return typeof value === 'string' ? value.slice(0, 500) : Array.isArray(value) ? (value[0] ?? '').slice(0, 500) : null;
    };
    // Bodies left unread are destroyed; undici then reports an abort nobody needs to hear.
    response.body.on('error', () => {});
    hop.location = header('location');
    hop.contentType = header('content-type');
    hop.server = header('server');
    if (response.statusCode >= 300 && response.statusCode < 400 || !options.wantBody(hop.contentType)) {
      response.body.destroy();
    } else {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        const room = options.maxBytes - size;
        chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
        size += Math.min(chunk.length, room);
        if (chunk.length >= room) {
          hop.truncated = true;
          response.body.destroy();
          break;
        }
      }
      hop.bytes = size;
      const raw = decoded(Buffer.concat(chunks), header('content-encoding')?.toLowerCase() ?? null, options.maxBytes);
      body = new TextDecoder(charsetOf(hop.contentType, raw.subarray(0, 2048))).decode(raw);
    }
  } catch (error) {
    hop.failure = error instanceof TypeError && /Invalid URL/i.test(error.message) ? { kind: 'bad-url', code: 'ERR_INVALID_URL', message: error.message } : failureOf(error);
    // A deadline reached while reading the body: what matters is that the page never finished.
    if (deadline.aborted) hop.failure = { kind: 'timeout', code: 'ETIMEDOUT', message: `no complete answer within ${options.totalTimeoutMs} ms` };
  }
  hop.totalMs = Math.round(performance.now() - started);
  return { hop, body };
}
