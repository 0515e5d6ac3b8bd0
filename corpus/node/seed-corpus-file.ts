/** The committed seed corpus, read from disk (Node only; the extension bundles the text instead). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ParsedCorpus, parseCorpusText } from '../corpus-text.ts';

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
