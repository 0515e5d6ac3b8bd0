/**
 * Node only, at build time (wxt.config.ts, vitest.config.ts): the list shipped inside the
 * extension, generated from the seed corpus — the compact list of its active sources
 * (corpus/matching/compact-list.ts) with the data credit in its header, and its metadata —
 * compiled into the scripts that need it as two modules, so that a result page has the list the
 * moment its content script starts (no file to read, no message to wait for). The extension reads
 * them through current-list.ts only.
 */
import { execFileSync } from 'node:child_process';
import { clientSources } from '../../corpus/corpus-text.ts';
import { DATA_CREDIT } from '../../corpus/credit.ts';
import { encodeCompactList } from '../../corpus/matching/compact-list.ts';
import { readSeedCorpus, SEED_CORPUS_PATH } from '../../corpus/node/seed-corpus-file.ts';
import type { ListMeta } from './list-meta.ts';

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

export function bundledList(): { compact: string; meta: ListMeta } {
  const sources = clientSources(readSeedCorpus().sources);
  const credit = [DATA_CREDIT.fr, DATA_CREDIT.en, `Source : ${DATA_CREDIT.sourceUrl}`, `Licence : ${DATA_CREDIT.licenceUrl}`];
  const compact = encodeCompactList(sources, credit);
  return { compact, meta: { format: 'sdc-compact/1', version: 0, createdAt: seedCorpusDate(), sourceCount: sources.length } };
}

/** Module ids (declared in bundled-list-modules.d.ts): the list and its metadata apart, so that a page needing only the metadata does not carry the list. */
const MODULES = {
  'virtual:sdc-bundled-list/compact': (list: ReturnType<typeof bundledList>) => `export default ${JSON.stringify(list.compact)};`,
  'virtual:sdc-bundled-list/meta': (list: ReturnType<typeof bundledList>) => `export default ${JSON.stringify(list.meta)};`,
} as const;

type ModuleId = keyof typeof MODULES;
const isModuleId = (id: string): id is ModuleId => Object.hasOwn(MODULES, id);

/** A Vite plugin, written structurally: WXT and Vitest each bring their own Vite. */
interface ModulePlugin {
  name: string;
  resolveId(id: string): string | undefined;
  load(id: string): string | undefined;
}

/** The Vite plugin that serves both modules; the list is generated once per build. */
export function bundledListPlugin(): ModulePlugin {
  let list: ReturnType<typeof bundledList> | undefined;
  return {
    name: 'sdc-bundled-list',
    resolveId: (id) => (isModuleId(id) ? `\0${id}` : undefined),
    load(id) {
      const name = id.startsWith('\0') ? id.slice(1) : '';
      if (!isModuleId(name)) return undefined;
      list ??= bundledList();
      return MODULES[name](list);
    },
  };
}
