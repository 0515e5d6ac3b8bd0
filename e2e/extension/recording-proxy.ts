/**
 * A local HTTP proxy that writes down every request that reaches it (plain requests and HTTPS
 * tunnels). Firefox is pointed at it, so that a request from anywhere in the browser — the
 * extension's background page included — that escapes the test's interception is seen. Plain
 * requests for the test list channel's host are passed to the channel server when there is one
 * (Firefox has no host mapping of its own); everything else is answered 502.
 */
import { createServer, type IncomingHttpHeaders, request as httpRequest, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { E2E_CHANNEL_HOST } from './extension-build.ts';

export interface ProxiedRequest {
  /** `host:port` of a tunnel, or the URL of a plain request. */
  target: string;
  method: string;
  headers: IncomingHttpHeaders;
}

export interface RecordingProxy {
  port: number;
  seen: ProxiedRequest[];
  /** Where plain requests for the channel's host go from now on (`host:port`), or nowhere (null). */
  setChannelServer(hostAndPort: string | null): void;
  /** HTTPS tunnels to `hostname:443` lead to this `host:port` from now on (a channel of the deployment guide). */
  tunnel(hostname: string, hostAndPort: string): void;
  close(): Promise<void>;
}

export async function startRecordingProxy(): Promise<RecordingProxy> {
  const seen: ProxiedRequest[] = [];
  let channelServer: string | null = null;
  const tunnels = new Map<string, string>();
  const server: Server = createServer((request, response) => {
    const target = request.url ?? '';
    seen.push({ target, method: request.method ?? '', headers: request.headers });
    const url = /^http:\/\//.test(target) ? new URL(target) : null;
    if (url === null || url.hostname !== E2E_CHANNEL_HOST || channelServer === null) {
      response.writeHead(502).end();
      return;
    }
    const [hostname, port] = channelServer.split(':');
    const forwarded = httpRequest({ hostname, port: Number(port), path: url.pathname + url.search, method: request.method, headers: { ...request.headers, host: channelServer } }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    forwarded.on('error', () => response.writeHead(502).end());
    request.pipe(forwarded);
  });
  server.on('connect', (request, socket, head) => {
    const target = request.url ?? '';
    seen.push({ target, method: 'CONNECT', headers: request.headers });
    const to = tunnels.get(target);
    if (to === undefined) {
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const [hostname, port] = to.split(':');
    const upstream = connect(Number(port), hostname, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    setChannelServer: (hostAndPort) => void (channelServer = hostAndPort),
    tunnel: (hostname, hostAndPort) => void tunnels.set(`${hostname}:443`, hostAndPort),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A proxied request's headers as its sender wrote them (less the one the proxy hop adds). */
export function sentHeaders(request: ProxiedRequest): Record<string, string> {
  const { 'proxy-connection': _hop, ...headers } = request.headers;
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)]));
}
