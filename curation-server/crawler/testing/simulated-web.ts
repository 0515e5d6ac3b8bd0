/**
 * Test-only: websites on loopback for the crawler's tests and benchmark. One HTTPS and one HTTP
 * server on 127.0.0.1 answer for every simulated host by its Host header; a second HTTP server on
 * 127.0.0.4 (same port) stands for sites without HTTPS; nothing listens on 127.0.0.2, which refuses.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';

export const SERVING_ADDRESS = '127.0.0.1';
export const REFUSING_ADDRESS = '127.0.0.2';
export const HTTP_ONLY_ADDRESS = '127.0.0.4';

export type SiteHandler = (request: IncomingMessage, response: ServerResponse) => void;

export interface Certificate {
  cert: string;
  key: string;
}

/** A self-signed certificate for these names (wildcards allowed), made with openssl. */
export function selfSignedCertificate(names: readonly string[]): Certificate {
  const directory = mkdtempSync(join(tmpdir(), 'sdc-crawler-cert-'));
  try {
    const certPath = join(directory, 'cert.pem');
    const keyPath = join(directory, 'key.pem');
    const san = names.map((name) => `DNS:${name}`).join(',');
    const run = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', `/CN=${names[0]}`, '-addext', `subjectAltName=${san}`, '-keyout', keyPath, '-out', certPath], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`openssl could not make a certificate: ${run.stderr}`);
    return { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8') };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export interface SimulatedWeb {
  httpPort: number;
  httpsPort: number;
  /** The certificates the crawler must trust (test setting). */
  certificates: string[];
  /** Requests received, as `host path`, in order. */
  requests: string[];
  userAgents: Set<string>;
  close(): Promise<void>;
}

export interface SimulatedWebOptions {
  site: (host: string) => SiteHandler | undefined;
  /** Names the good certificate covers. */
  tlsNames: readonly string[];
  /** Hosts whose HTTPS presents a certificate for another name (a TLS error). */
  wrongCertificateHosts?: ReadonlySet<string>;
  /** Keep no request log (the benchmark). */
  quiet?: boolean;
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startSimulatedWeb(options: SimulatedWebOptions): Promise<SimulatedWeb> {
  const good = selfSignedCertificate(options.tlsNames);
  const wrong = selfSignedCertificate(['wrong-name.invalid']);
  const wrongContext = createSecureContext(wrong);
  const requests: string[] = [];
  const userAgents = new Set<string>();
  const sockets = new Set<Socket>();
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    if (options.quiet !== true) {
      requests.push(`${host} ${request.url ?? ''}`);
      userAgents.add(request.headers['user-agent'] ?? '');
    }
    const handler = options.site(host);
    if (handler === undefined) {
      response.writeHead(421, { 'content-type': 'text/plain' }).end('unknown host');
      return;
    }
    handler(request, response);
  };
  const track = (server: Server) => server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const https = createHttpsServer({ ...good, SNICallback: (name, callback) => callback(null, options.wrongCertificateHosts?.has(name) === true ? wrongContext : undefined) }, handle);
  https.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const http = createHttpServer(handle);
  const httpOnly = createHttpServer(handle);
  for (const server of [https, http, httpOnly]) {
    server.keepAliveTimeout = 5_000;
    server.maxConnections = 10_000;
    track(server);
  }
  const httpsPort = await listen(https, SERVING_ADDRESS, 0);
  const httpPort = await listen(http, SERVING_ADDRESS, 0);
  await listen(httpOnly, HTTP_ONLY_ADDRESS, httpPort);
  return {
    httpPort,
    httpsPort,
    certificates: [good.cert, wrong.cert],
    requests,
    userAgents,
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all([https, http, httpOnly].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    },
  };
}

/** An HTML page with a title and body text (and optional extra head or body markup). */
export function htmlPage(title: string, body: string, extra = ''): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title>${extra}</head><body>${body}</body></html>`;
}
