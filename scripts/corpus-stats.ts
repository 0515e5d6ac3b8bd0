/**
 * Counts of the committed corpus: per category and status, active sources named and with a code,
 * per scope, per provenance, and the entries of the upstream data that were rejected, per reason.
 *
 *   npm run corpus:stats
 */
import { readSeedCorpus, readSeedRejections, SEED_CORPUS_PATH, SEED_REJECTED_PATH } from '../corpus/node/seed-corpus-file.ts';
import { SCOPES } from '../corpus/source.ts';
import { activeProvenanceTable, categoryTable, countTable, namesTable, tally } from './corpus-report.ts';

const { sources } = readSeedCorpus();

console.log(`${SEED_CORPUS_PATH}: ${sources.length} sources\n`);
console.log(categoryTable(sources));
console.log(`\n${namesTable(sources)}`);
console.log(`\n${countTable(new Map(SCOPES.map((scope) => [scope, sources.filter((s) => s.scope === scope).length])), 'Scopes')}`);
console.log(`\n${activeProvenanceTable(sources)}`);
const rejected = readSeedRejections().map((rejection) => rejection.reason);
console.log(`\n${countTable(tally(rejected), `Rejected upstream hostnames (${SEED_REJECTED_PATH})`)}`);
