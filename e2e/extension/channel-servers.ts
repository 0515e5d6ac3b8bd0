/**
 * The list channel as the tests serve it, from a published directory of their own: by the
 * project's server (`npm start`, which serves its list directory under /v1/), or by a plain static
 * web server (Debian's nginx, with `gzip_static`, as a CDN or any web host would), configured as
 * the deployment guide says. Both listen on loopback.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keysFromDirectory, publishList, resignList } from '../../corpus/node/publish-list.ts';
import type { Source } from '../../corpus/source.ts';
import { parseCorpusText } from '../../corpus/corpus-text.ts';
import { startCurationServer } from '../../curation-server/testing/server-process.ts';

export interface ChannelServer {
  /** `host:port` the channel's name must lead to. */
  hostAndPort: string;
  stop(): Promise<void>;
}

/** The directory the test build's list was published in (build-extension.ts), with its key. */
function builtChannel(): string {
  const directory = process.env.SDC_E2E_CHANNEL_DIRECTORY;
  if (directory === undefined) throw new Error('SDC_E2E_CHANNEL_DIRECTORY is not set: the e2e global setup did not run');
  return directory;
}

/** A copy of the published directory the extension was built from (version 1), to publish newer versions in. */
export interface TestChannel {
  listsDirectory: string;
  /** Publishes the next version, signed by the build's key (or by the keys of `keysDirectory`). */
  publish(sources: readonly Source[], keysDirectory?: string, options?: { engineDefinitions?: string }): Promise<number>;
  /** Signs the current manifest again as if at `now` (an expired manifest, with a date in the past). */
  resign(now: Date, expiryDays: number): Promise<void>;
  builtSources(): Promise<Source[]>;
}

export async function copyOfBuiltChannel(): Promise<TestChannel> {
  const listsDirectory = join(await mkdtemp(join(tmpdir(), 'sdc-e2e-lists-')), 'v1');
  await cp(join(builtChannel(), 'lists'), listsDirectory, { recursive: true });
  return {
    listsDirectory,
    async publish(sources, keysDirectory = join(builtChannel(), 'keys'), options = {}) {
      const publication = await publishList({ directory: listsDirectory, sources, engineDefinitions: options.engineDefinitions, ...(await keysFromDirectory(keysDirectory)) });
      if (publication.status !== 'published') throw new Error('nothing to publish');
      return publication.manifest.signed.version;
    },
    async resign(now, expiryDays) {
      await resignList({ directory: listsDirectory, ...(await keysFromDirectory(join(builtChannel(), 'keys'))), now, expiryDays });
    },
    async builtSources() {
      return parseCorpusText(await readFile(join(builtChannel(), 'lists', 'snapshots', '1.tsv'), 'utf8')).sources;
    },
  };
}

/** The project's server, as `npm start` runs it, serving `listsDirectory` under /v1/ (a small database: it is not what is tested here). */
export async function startProjectChannel(listsDirectory: string): Promise<ChannelServer> {
  const server = await startCurationServer({ sources: [], env: { SDC_LISTS_DIR: listsDirectory, SDC_KEYS_DIR: join(builtChannel(), 'keys') } });
  return { hostAndPort: new URL(server.url).host, stop: () => server.stop() };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The documented nginx configuration of a channel (docs/deploiement/canal-nginx.conf), pointed at `listsDirectory`. */
const DOCUMENTED_NGINX = fileURLToPath(new URL('../../docs/deploiement/canal-nginx.conf', import.meta.url));
const DOCUMENTED_DIRECTORY = '/srv/sources-de-confiance/v1/';

export async function documentedChannelLocations(listsDirectory: string): Promise<string> {
  const text = await readFile(DOCUMENTED_NGINX, 'utf8');
  if (!text.includes(DOCUMENTED_DIRECTORY)) throw new Error(`${DOCUMENTED_NGINX} no longer serves ${DOCUMENTED_DIRECTORY}`);
  return text.replaceAll(DOCUMENTED_DIRECTORY, `${listsDirectory}/`);
}

/** A self-signed certificate for `hostname`, made with openssl for the run. */
async function selfSignedCertificate(directory: string, hostname: string): Promise<{ cert: string; key: string }> {
  const cert = join(directory, 'cert.pem');
  const key = join(directory, 'key.pem');
  const run = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', `/CN=${hostname}`, '-addext', `subjectAltName=DNS:${hostname}`, '-keyout', key, '-out', cert], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openssl could not make a certificate: ${run.stderr}`);
  return { cert, key };
}

/**
 * nginx serving the directory at /v1/ with the deployment guide's configuration: precompressed
 * files as they are (gzip_static), a short cache for the manifest, a year for the immutable files,
 * CORS. With `tlsHostname`, over HTTPS with a certificate made for that name (the browser is told
 * to accept it).
 */
export async function startStaticChannel(listsDirectory: string, options: { tlsHostname?: string } = {}): Promise<ChannelServer> {
  const prefix = await mkdtemp(join(tmpdir(), 'sdc-nginx-'));
  const port = await freePort();
  const tls = options.tlsHostname === undefined ? null : await selfSignedCertificate(prefix, options.tlsHostname);
  const listen = tls === null ? `listen 127.0.0.1:${port};` : `listen 127.0.0.1:${port} ssl;\n    ssl_certificate ${tls.cert};\n    ssl_certificate_key ${tls.key};`;
  const config = `
daemon off;
master_process off;
worker_processes 1;
error_log ${prefix}/error.log warn;
pid ${prefix}/nginx.pid;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  types { application/json json; text/tab-separated-values tsv; }
  server {
    ${listen}
${await documentedChannelLocations(listsDirectory)}
  }
}
`;
  await writeFile(join(prefix, 'nginx.conf'), config);
  const child: ChildProcess = spawn('/usr/sbin/nginx', ['-p', prefix, '-c', join(prefix, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (chunk) => (output += chunk));
  await waitForPort(`${tls === null ? 'http' : 'https'}://127.0.0.1:${port}`, () => output);
  return {
    hostAndPort: `127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(prefix, { recursive: true, force: true });
    },
  };
}

async function waitForPort(origin: string, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    // The certificate is the test's own: checked by the browsers' settings, not here.
    const answered = await new Promise<boolean>((resolve) => {
      const request = (origin.startsWith('https:') ? httpsGet : httpGet)(`${origin}/v1/manifest.json`, { rejectUnauthorized: false }, (response) => {
        response.resume();
        resolve(true);
      });
      request.on('error', () => resolve(false));
    });
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx did not start:\n${output()}`);
}
