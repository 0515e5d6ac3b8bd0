/**
 * Vitest global setup of the end-to-end tests: builds the extension for Chromium and Firefox once,
 * so that `npm test` on a clean checkout tests what `npm run build` ships.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const wxt = fileURLToPath(new URL('../../node_modules/wxt/bin/wxt.mjs', import.meta.url));

/** Runs `wxt build` for each browser (what `npm run build` zips). */
export function buildExtension(browsers: readonly ('chrome' | 'firefox')[] = ['chrome', 'firefox']): void {
  for (const browser of browsers) {
    const args = ['build', '-b', browser];
    const run = spawnSync(process.execPath, [wxt, ...args], { cwd: root, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`wxt ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
  }
}

export default function setup(): void {
  buildExtension();
}
