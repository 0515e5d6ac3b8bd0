/**
 * Runs the project's benchmarks, each in a fresh Node process (with --expose-gc), and prints
 * their `name: value unit` lines.
 *
 *   npm run bench              every benchmark
 *   npm run bench -- corpus    only scripts/bench/corpus.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const directory = fileURLToPath(new URL('./bench/', import.meta.url));
const available = readdirSync(directory)
  .filter((name) => name.endsWith('.bench.ts'))
  .map((name) => name.slice(0, -'.bench.ts'.length))
  .sort();
const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Available: ${available.join(', ')}.`);
  process.exit(2);
}

let failed = false;
for (const name of requested.length > 0 ? requested : available) {
  console.log(`# ${name}`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', `${directory}${name}.bench.ts`], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`benchmark ${name} failed (exit ${run.status ?? run.signal})`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
