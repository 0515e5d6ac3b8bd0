/**
 * Which trusted source each URL belongs to, as the extension decides it: for curators and debugging.
 *
 *   npm run match -- <url or hostname> [more…]
 *   npm run match < urls.txt            (one per line)
 *
 * Prints one line per URL: the matched source (id, host, scope, category, organisation), or
 * `no match` — with the source it would match if that source were active.
 */
import { readFileSync } from 'node:fs';
import { CATEGORIES } from '../corpus/categories.ts';
import { createMatcher } from '../corpus/matcher.ts';
import { readSeedCorpus, SEED_CORPUS_PATH } from '../corpus/node/seed-corpus-file.ts';
import type { Source } from '../corpus/source.ts';

const { sources } = readSeedCorpus();
const trusted = createMatcher(sources);
const inactive = createMatcher(sources.filter((s) => s.status !== 'active').map((s) => ({ ...s, status: 'active' as const })));

function describe(source: Source): string {
  const where = source.scope === 'path' ? `${source.host}${source.path}` : source.host;
  const organisation = source.name === '' ? '' : `  ${source.name}${source.code === '' ? '' : ` (${source.code})`}`;
  return `${source.id}  ${where}  ${source.scope}  ${CATEGORIES[source.category].fr}${organisation}`;
}

const inputs = process.argv.length > 2 ? process.argv.slice(2) : readFileSync(0, 'utf8').split('\n').filter((line) => line.trim() !== '');
if (inputs.length === 0) {
  console.error('usage: npm run match -- <url or hostname> [more…]');
  process.exit(2);
}
console.error(`corpus: ${SEED_CORPUS_PATH} (${sources.filter((s) => s.status === 'active').length} active sources)`);
for (const input of inputs) {
  const match = trusted.match(input);
  if (match !== null) {
    console.log(`${input}\t${describe(match)}`);
    continue;
  }
  const dormant = inactive.match(input);
  console.log(`${input}\tno match${dormant === null ? '' : `  (would match ${sources.find((s) => s.id === dormant.id)?.status} source ${describe(dormant)})`}`);
}
