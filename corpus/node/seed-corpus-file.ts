/** The committed seed corpus, read from disk (Node only; the extension bundles the text instead). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { forEachCorpusLine, type ParsedCorpus, parseCorpusText, tsvCells } from '../corpus-text.ts';

export const SEED_CORPUS_PATH = fileURLToPath(new URL('../data/sources.tsv', import.meta.url));
export const SEED_REJECTED_PATH = fileURLToPath(new URL('../data/rejected.tsv', import.meta.url));

export function readSeedCorpusText(): string {
  return readFileSync(SEED_CORPUS_PATH, 'utf8');
}

/** The seed corpus; a line that does not parse is a bug in the committed data, so it throws. */
export function readSeedCorpus(): ParsedCorpus {
  const parsed = parseCorpusText(readSeedCorpusText());
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0];
    throw new Error(`${SEED_CORPUS_PATH}:${first.line}: ${first.message} (${parsed.errors.length} errors)`);
  }
  return parsed;
}

/** A line of the seed's rejections: an upstream hostname as written, why it was left out, a detail, the lists it came from. */
export interface SeedRejection {
  host: string;
  reason: string;
  detail: string;
  lists: string;
}

/** The upstream hostnames the seed build left out (`rejected.tsv`, comment lines as in a corpus text). */
export function readSeedRejections(): SeedRejection[] {
  const rejections: SeedRejection[] = [];
  forEachCorpusLine(readFileSync(SEED_REJECTED_PATH, 'utf8'), (line) => {
    const [host, reason = '', detail = '', lists = ''] = tsvCells(line);
    rejections.push({ host, reason, detail, lists });
  });
  return rejections;
}
