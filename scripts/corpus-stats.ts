/**
 * Counts of the committed corpus: per category and status, per scope, per provenance, and the
 * entries of the upstream data that were rejected, per reason.
 *
 *   npm run corpus:stats
 */
import { readFileSync } from 'node:fs';
import { readSeedCorpus, SEED_CORPUS_PATH, SEED_REJECTED_PATH } from '../corpus/node/seed-corpus-file.ts';
import { SCOPES } from '../corpus/source.ts';
import { categoryTable, countTable } from './corpus-report.ts';

const { sources } = readSeedCorpus();
const tally = (keys: string[]) => {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => b[1] - a[1]));
};

console.log(`${SEED_CORPUS_PATH}: ${sources.length} sources\n`);
console.log(categoryTable(sources));
console.log(`\n${countTable(new Map(SCOPES.map((scope) => [scope, sources.filter((s) => s.scope === scope).length])), 'Scopes')}`);
const provenance = tally(sources.flatMap((s) => s.provenance.split(',').map((token) => token.replace(/:.*/, ':…'))));
console.log(`\n${countTable(provenance, 'Provenance tokens')}`);
const rejected = readFileSync(SEED_REJECTED_PATH, 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => line.split('\t')[1]);
console.log(`\n${countTable(tally(rejected), `Rejected upstream hostnames (${SEED_REJECTED_PATH})`)}`);
