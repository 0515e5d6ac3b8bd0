/**
 * Vitest global setup of the end-to-end tests: builds the extension for Chromium and Firefox once,
 * so that `npm test` on a clean checkout tests what `npm run build` ships — with the list published
 * for the run in a temporary channel directory (the seed, signed by a key made for the run), and
 * the test channel's address compiled in (E2E_CHANNEL in extension-build.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { E2E_CHANNEL } from './extension-build.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const wxt = fileURLToPath(new URL('../../node_modules/wxt/bin/wxt.mjs', import.meta.url));

/** Runs `wxt build` for each browser (what `npm run build` zips), with the list of `channelDirectory`. */
export function buildExtension(channelDirectory: string, browsers: readonly ('chrome' | 'firefox')[] = ['chrome', 'firefox']): void {
  const env = {
    ...process.env,
    SDC_LISTS_DIR: join(channelDirectory, 'lists'),
    SDC_KEYS_DIR: join(channelDirectory, 'keys'),
    SDC_LIST_CHANNEL: E2E_CHANNEL,
  };
  for (const browser of browsers) {
    const args = ['build', '-b', browser];
    const run = spawnSync(process.execPath, [wxt, ...args], { cwd: root, encoding: 'utf8', env });
    if (run.status !== 0) throw new Error(`wxt ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  }
}

export default function setup(): () => void {
  const channelDirectory = mkdtempSync(join(tmpdir(), 'sdc-e2e-channel-'));
  buildExtension(channelDirectory);
  // The test files (run in child processes, which inherit this environment) publish newer versions there.
  process.env.SDC_E2E_CHANNEL_DIRECTORY = channelDirectory;
  return () => rmSync(channelDirectory, { recursive: true, force: true });
}
