/** Everything the seed corpus is built from, as `npm run corpus:build` reads it: the copies under corpus/upstream and the administrative divisions. */
import { readAdministrativeDivisions } from '../../corpus/node/communes.ts';
import { readEtalabInput, UPSTREAM_DIRECTORY } from './etalab-input.ts';
import { MORE_DIRECTORY, readMoreInput } from '../../corpus/node/more-input.ts';
import type { SeedInput } from './seed-corpus.ts';

export function readSeedInput(etalabDirectory = UPSTREAM_DIRECTORY, moreDirectory = MORE_DIRECTORY): SeedInput & { unreadable: string[] } {
  return { ...readEtalabInput(etalabDirectory), more: readMoreInput(moreDirectory), divisions: readAdministrativeDivisions() };
}
