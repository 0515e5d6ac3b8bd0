/**
 * The curation server as people run it, for the real-browser test, the attack tests and the
 * benchmark: `npm start` in a child process, on a random loopback port, with a database in a
 * temporary directory (or the one given); accounts made with `npm run user`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Source } from '../../corpus/source.ts';
import { openDatabase } from '../db/open-database.ts';
import { seedFromCorpus } from '../db/seed-corpus.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export interface RunningServer {
  url: string;
  databasePath: string;
  /** The temporary directory holding the keys (keys/) and the published lists (lists/v1/). */
  directory: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * `env`: more variables for the server (e.g. `SDC_TRUST_PROXY: '1'`, to test per-address rules with
 * X-Forwarded-For). `sources`: a new database seeded with these first, so that the start does not
 * seed the whole corpus (seconds of work).
 */
export async function startCurationServer(options: { databasePath?: string; env?: Record<string, string>; sources?: readonly Source[] } = {}): Promise<RunningServer> {
  const directory = mkdtempSync(join(tmpdir(), 'sdc-server-'));
  const databasePath = options.databasePath ?? join(directory, 'curation.sqlite');
  if (options.sources !== undefined) {
    const db = await openDatabase(databasePath);
    await seedFromCorpus(db, () => options.sources ?? []);
    await db.destroy();
  }
  // Its own process group, so that stopping it stops npm, tsx and node together.
  const child: ChildProcess = spawn(NPM, ['start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      SDC_DB: databasePath,
      SDC_KEYS_DIR: join(directory, 'keys'),
      SDC_LISTS_DIR: join(directory, 'lists', 'v1'),
      SDC_PORT: '0',
      SDC_HOST: '127.0.0.1',
      // The Atlaas actors take seconds to import: only the tests that need them ask for it.
      SDC_ATLAAS_AT_START: '0',
      ...options.env,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const watch = () => {
      // With SDC_PUBLIC_URL, the console's address is that one, and the loopback one follows « à l'écoute sur ».
      const found = /(?:Console de curation : |à l'écoute sur )(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (found !== null) resolve(found[1]);
    };
    child.stdout?.on('data', watch);
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
  });
  return {
    url,
    databasePath,
    directory,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.pid !== undefined) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(-child.pid, 'SIGTERM');
        await exited;
      }
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** `npm run user -- <args>` against the server's database, with `input` on standard input. */
export function runUserCommand(databasePath: string, args: string[], input: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(NPM, ['run', '--silent', 'user', '--', ...args], { cwd: ROOT, env: { ...process.env, SDC_DB: databasePath }, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => resolve({ code, output }));
    child.stdin.end(input);
  });
}
