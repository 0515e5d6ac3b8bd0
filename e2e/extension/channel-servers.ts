/**
 * The list channel as the tests serve it, from a published directory of their own: by the
 * project's server (`npm start`, which serves its list directory under /v1/), or by a plain static
 * web server (Debian's nginx, with `gzip_static`, as a CDN or any web host would), configured as
 * the deployment guide says. Both listen on loopback.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keysFromDirectory, publishList } from '../../corpus/node/publish-list.ts';
import type { Source } from '../../corpus/source.ts';
import { parseCorpusText } from '../../corpus/corpus-text.ts';
import { readFile } from 'node:fs/promises';
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
export async function copyOfBuiltChannel(): Promise<{ listsDirectory: string; publish(sources: readonly Source[]): Promise<number>; builtSources(): Promise<Source[]> }> {
  const listsDirectory = join(await mkdtemp(join(tmpdir(), 'sdc-e2e-lists-')), 'v1');
  await cp(join(builtChannel(), 'lists'), listsDirectory, { recursive: true });
  return {
    listsDirectory,
    async publish(sources) {
      const publication = await publishList({ directory: listsDirectory, sources, ...(await keysFromDirectory(join(builtChannel(), 'keys'))) });
      if (publication.status !== 'published') throw new Error('nothing to publish');
      return publication.manifest.signed.version;
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

/**
 * nginx serving the directory at /v1/ as the deployment guide's example does: precompressed files
 * as they are (gzip_static), a short cache for the manifest, a year for the immutable files, CORS.
 */
export async function startStaticChannel(listsDirectory: string): Promise<ChannelServer> {
  const prefix = await mkdtemp(join(tmpdir(), 'sdc-nginx-'));
  const port = await freePort();
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
    listen 127.0.0.1:${port};
${staticChannelLocations(listsDirectory)}
  }
}
`;
  await writeFile(join(prefix, 'nginx.conf'), config);
  const child: ChildProcess = spawn('/usr/sbin/nginx', ['-p', prefix, '-c', join(prefix, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (chunk) => (output += chunk));
  await waitForPort(port, () => output);
  return {
    hostAndPort: `127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/** The `location` blocks of the deployment guide (docs/deploiement.md), for a directory published at /v1/. */
export function staticChannelLocations(listsDirectory: string): string {
  return `    location /v1/ {
      alias ${listsDirectory}/;
      gzip_static on;
      add_header Access-Control-Allow-Origin "*" always;
      add_header Cache-Control "public, max-age=31536000, immutable";
      location = /v1/manifest.json {
        alias ${listsDirectory}/manifest.json;
        gzip_static on;
        add_header Access-Control-Allow-Origin "*" always;
        add_header Cache-Control "public, max-age=60, must-revalidate";
      }
    }`;
}

async function waitForPort(port: number, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/v1/manifest.json`);
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`nginx did not start:\n${output()}`);
}
