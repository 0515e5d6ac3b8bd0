/**
 * Node only, at build time (wxt.config.ts): the list shipped inside the extension, generated from
 * the seed corpus — the client text (active sources, no provenance) with the data credit in its
 * header, and its metadata. The extension reads them through current-list.ts only.
 */
import { execFileSync } from 'node:child_process';
import { clientSources, serializeCorpusText } from '../../corpus/corpus-text.ts';
import { DATA_CREDIT } from '../../corpus/credit.ts';
import { readSeedCorpus, SEED_CORPUS_PATH } from '../../corpus/node/seed-corpus-file.ts';
import { BUNDLED_LIST_META_PATH, BUNDLED_LIST_TEXT_PATH, type ListMeta } from './list-meta.ts';

/** The day the seed corpus was last committed, so that the same checkout always builds the same list. */
function seedCorpusDate(): string {
  try {
    const date = execFileSync('git', ['log', '-1', '--format=%cs', '--', SEED_CORPUS_PATH], { encoding: 'utf8' }).trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  } catch {
    // Not a git checkout (a sources zip): fall back to the day of the build.
  }
  return new Date().toISOString().slice(0, 10);
}

export function bundledListFiles(): { relativeDest: string; contents: string }[] {
  const sources = clientSources(readSeedCorpus().sources);
  const credit = [DATA_CREDIT.fr, DATA_CREDIT.en, `Source : ${DATA_CREDIT.sourceUrl}`, `Licence : ${DATA_CREDIT.licenceUrl}`];
  const text = serializeCorpusText(sources, credit);
  const meta: ListMeta = { format: 'sdc-corpus/1', version: 0, createdAt: seedCorpusDate(), sourceCount: sources.length };
  return [
    { relativeDest: BUNDLED_LIST_TEXT_PATH, contents: text },
    { relativeDest: BUNDLED_LIST_META_PATH, contents: `${JSON.stringify(meta, null, 2)}\n` },
  ];
}
