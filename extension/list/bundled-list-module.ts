/**
 * Node only, at build time (wxt.config.ts, vitest.config.ts): the list shipped inside the
 * extension is a **published, signed version** — the snapshot of a published list directory (the
 * curation server's, `data/lists/v1`, by default; when there is none yet, the seed corpus is
 * published there first, as the server's first start would), checked against its signed manifest
 * and the public keys of the key directory, which the build pins.
 *
 * It reaches the extension three ways: the compact list (corpus/matching/compact-list.ts, the data
 * credit in its header) compiled into the result pages' script and the background's, so that
 * either has the list the moment it starts, and its metadata into the scripts that show it; the
 * channel (mirrors, pinned keys) for the background's updates; and a packaged file, the snapshot
 * (`list/snapshot.tsv`), from which the background applies the first delta. The extension reads
 * them through current-list.ts and bundled-compact.ts only.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseCorpusText } from '../../corpus/corpus-text.ts';
import { COMPACT_LIST_CREDIT } from '../../corpus/credit.ts';
import { sha256Hex, utf8 } from '../../corpus/list/digest.ts';
import { MANIFEST_PATH } from '../../corpus/list/list-update.ts';
import { readManifest } from '../../corpus/list/manifest.ts';
import type { PublicKeyRecord } from '../../corpus/list/signing-keys.ts';
import { encodeCompactList } from '../../corpus/matching/compact-list-encoder.ts';
import { readSeedCorpus } from '../../corpus/node/seed-corpus-file.ts';
import { keysFromDirectory, publishList } from '../../corpus/node/publish-list.ts';
import { createKeyFiles, readPublicKeyFile, readSigningKeyDirectory } from '../../corpus/node/signing-key-files.ts';
import { type ListChannelConfig, type ListMeta, listMetaOf } from './list-meta.ts';

/** Where the list shipped with the extension comes from. */
export interface BundledListOptions {
  /** A published list directory (manifest.json, snapshots/…). */
  listsDirectory: string;
  /** The key directory: every `<id>.public.json` there is pinned (and signs, if the seed must be published first). */
  keysDirectory: string;
  /** Where the extension looks for updates (mirrors, tried in turn). */
  mirrors: string[];
}

export { BUNDLED_SNAPSHOT_FILE } from './bundled-snapshot-file.ts';

/** The development default: the curation server that `npm start` runs on this machine. */
const DEFAULT_CHANNEL = 'http://127.0.0.1:8787/v1/';

/**
 * From the environment: SDC_LISTS_DIR and SDC_KEYS_DIR (as for the server), SDC_LIST_CHANNEL (the
 * channel's URL, or several separated by spaces or commas). A malformed channel stops the build.
 */
export function bundledListOptionsFromEnv(env: Record<string, string | undefined>): BundledListOptions {
  const mirrors = (env.SDC_LIST_CHANNEL ?? DEFAULT_CHANNEL).split(/[\s,]+/).filter((url) => url !== '');
  for (const mirror of mirrors) {
    let url: URL | null = null;
    try {
      url = new URL(mirror);
    } catch {
      // reported below
    }
    if (url === null || !/^https?:$/.test(url.protocol) || !mirror.endsWith('/') || url.search !== '' || url.hash !== '') {
      throw new Error(`SDC_LIST_CHANNEL: "${mirror}" is not the http(s) address of a published list directory ending with "/"`);
    }
  }
  if (mirrors.length === 0) throw new Error('SDC_LIST_CHANNEL: no address');
  return { listsDirectory: resolve(env.SDC_LISTS_DIR ?? 'data/lists/v1'), keysDirectory: resolve(env.SDC_KEYS_DIR ?? 'data/keys'), mirrors };
}

export interface BundledList {
  compact: string;
  meta: ListMeta;
  channel: ListChannelConfig;
  snapshotText: string;
}

async function pinnedKeys(keysDirectory: string): Promise<PublicKeyRecord[]> {
  if (!existsSync(keysDirectory)) return [];
  const files = (await readdir(keysDirectory)).filter((name) => name.endsWith('.public.json')).sort();
  return Promise.all(files.map((name) => readPublicKeyFile(join(keysDirectory, name))));
}

/** Publishes the seed corpus as the first version, with a key made for it if there is none (what the server's first start does). */
async function publishSeed(options: BundledListOptions): Promise<void> {
  if ((await readSigningKeyDirectory(options.keysDirectory)).length === 0) await createKeyFiles(options.keysDirectory);
  const publication = await publishList({ directory: options.listsDirectory, sources: readSeedCorpus().sources, ...(await keysFromDirectory(options.keysDirectory)) });
  if (publication.status !== 'published') throw new Error(`the seed corpus could not be published in ${options.listsDirectory}`);
}

export async function bundledList(options: BundledListOptions): Promise<BundledList> {
  if (!existsSync(join(options.listsDirectory, MANIFEST_PATH))) await publishSeed(options);
  const keys = await pinnedKeys(options.keysDirectory);
  if (keys.length === 0) throw new Error(`no public key (<id>.public.json) in ${options.keysDirectory} to pin in the extension`);
  const reading = await readManifest(await readFile(join(options.listsDirectory, MANIFEST_PATH), 'utf8'), keys);
  if (!reading.ok) throw new Error(`${join(options.listsDirectory, MANIFEST_PATH)}: ${reading.detail} (keys of ${options.keysDirectory})`);
  const { manifest } = reading;
  const snapshotText = await readFile(join(options.listsDirectory, manifest.snapshot.path), 'utf8');
  if ((await sha256Hex(utf8(snapshotText))) !== manifest.snapshot.sha256) throw new Error(`${manifest.snapshot.path}: SHA-256 differs from the signed manifest`);
  const parsed = parseCorpusText(snapshotText);
  if (parsed.errors.length > 0 || parsed.sources.length !== manifest.sources) throw new Error(`${manifest.snapshot.path}: not a list of ${manifest.sources} sources`);
  return {
    compact: encodeCompactList(parsed.sources, COMPACT_LIST_CREDIT),
    meta: listMetaOf(manifest),
    channel: { mirrors: options.mirrors, pinnedKeys: keys },
    snapshotText,
  };
}

/**
 * What the compact list module exports in a build, until the finished bundle gets the list itself
 * (compactListLiteralPlugin): a string no minifier rewrites.
 */
export const COMPACT_LIST_PLACEHOLDER = 'sdc-bundled-compact-list';

/**
 * The compact list as a script writes it: a double-quoted string, in ASCII. Given text with line
 * breaks, a minifier prefers a template literal, which V8 reads about half as fast (a template is
 * scanned for its raw and its cooked text); measured in Chromium, what the result pages' script
 * costs a page with a cold compile cache went from 33.7 to 15 ms (scripts/bench/extension.bench.ts).
 */
export function compactListLiteral(text: string): string {
  const escaped = text.replace(/[\\"\n\r\0]|[^\x00-\x7f]/g, (character) => {
    if (character === '\n') return '\\n';
    if (character === '\r') return '\\r';
    if (character === '\\' || character === '"') return `\\${character}`;
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}

/** Module ids (declared in bundled-list-modules.d.ts): apart, so that a page needing only the metadata does not carry the list. */
const MODULES = {
  'virtual:sdc-bundled-list/compact': (list: BundledList, placeholder: boolean) => `export default ${JSON.stringify(placeholder ? COMPACT_LIST_PLACEHOLDER : list.compact)};`,
  'virtual:sdc-bundled-list/meta': (list: BundledList) => `export default ${JSON.stringify(list.meta)};`,
  'virtual:sdc-bundled-list/channel': (list: BundledList) => `export default ${JSON.stringify(list.channel)};`,
} as const;

type ModuleId = keyof typeof MODULES;
const isModuleId = (id: string): id is ModuleId => Object.hasOwn(MODULES, id);

/** A Vite plugin, written structurally: WXT and Vitest each bring their own Vite. */
interface ModulePlugin {
  name: string;
  resolveId(id: string): string | undefined;
  load(id: string): Promise<string | undefined>;
}

/**
 * The Vite plugin that serves the modules; the list is read once per build (`list` shares it with
 * the packaged snapshot). `placeholder`: the compact list module exports COMPACT_LIST_PLACEHOLDER,
 * for compactListLiteralPlugin to replace (a build); otherwise the list itself (tests).
 */
export function bundledListPlugin(list: () => Promise<BundledList>, options: { placeholder?: boolean } = {}): ModulePlugin {
  return {
    name: 'sdc-bundled-list',
    resolveId: (id) => (isModuleId(id) ? `\0${id}` : undefined),
    async load(id) {
      const name = id.startsWith('\0') ? id.slice(1) : '';
      if (!isModuleId(name)) return undefined;
      return MODULES[name](await list(), options.placeholder === true);
    },
  };
}

interface OutputChunk {
  type: 'chunk' | 'asset';
  fileName: string;
  code?: string;
}

/** After minification: the placeholder of each finished script that imports the list becomes the list (compactListLiteral). */
export function compactListLiteralPlugin(list: () => Promise<BundledList>): { name: string; enforce: 'post'; generateBundle(options: unknown, bundle: Record<string, OutputChunk>): Promise<void> } {
  const placeholder = JSON.stringify(COMPACT_LIST_PLACEHOLDER);
  return {
    name: 'sdc-compact-list-literal',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk' || output.code === undefined || !output.code.includes(COMPACT_LIST_PLACEHOLDER)) continue;
        const parts = output.code.split(placeholder);
        // Anywhere else than as the one string the module exports, the script would carry a wrong list.
        if (parts.length !== 2 || parts.some((part) => part.includes(COMPACT_LIST_PLACEHOLDER))) throw new Error(`${output.fileName}: the bundled list's placeholder is not the one string ${placeholder}`);
        output.code = parts.join(compactListLiteral((await list()).compact));
      }
    },
  };
}

/** One reading of the bundled list per process, whoever asks first (the plugin or the packaging hook). */
export function onceBundledList(options: () => BundledListOptions): () => Promise<BundledList> {
  let list: Promise<BundledList> | undefined;
  return () => (list ??= bundledList(options()));
}
