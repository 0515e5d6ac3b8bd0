/**
 * Writes the compact list (compact-list.ts) of the active sources, with the Public Suffix List
 * facts they need (public-suffixes-below.ts): used where the list is made — the extension's build,
 * the background after a verified update, the server's scripts — never in a result page, which
 * only reads (compact-matcher.ts) and so carries no PSL.
 */
import { CATEGORY_IDS } from '../categories.ts';
import { registrableDomain } from '../registrable-domain.ts';
import { SCOPES, type Source } from '../source.ts';
import {
  BLOCK_SIZE,
  CHARACTER_CODES,
  CHARACTERS_LINE,
  ENTRY_SEPARATOR,
  ESCAPE_CODE,
  EXTRA_SEPARATOR,
  INFO_BASE,
  MAX_NAME_PREFIXES,
  MAX_SHARED,
  NAME_PREFIX_BASE,
  NAME_PREFIXES_LINE,
  PUBLIC_SUFFIX_INFO,
  REPLACED_HOSTS_LINE,
  reverseLabels,
  SHARED_BASE,
  WILDCARD_INFO,
} from './compact-list.ts';
import { publicSuffixesBelow } from './public-suffixes-below.ts';

const KEY_SHAPE = /^[a-z0-9.-]+$/;
const FREE_TEXT = /^[^\t\n\r\x1f]*$/;
/** The control characters that stand for a name beginning or a character (and NUL): never in a name or path itself. */
const NAME_CODES = /[\x00-\x08\x0b\x0c\x0e-\x1e]/;

/** Why a source cannot be written in a compact list, or null (sources are validated before; this guards the format). */
function unwritable(source: Source): string | null {
  if (!KEY_SHAPE.test(source.host)) return `hostname "${source.host}" is not normalized`;
  if (!CATEGORY_IDS.includes(source.category) || !SCOPES.includes(source.scope)) return `unknown category or scope for ${source.host}`;
  if (!FREE_TEXT.test(source.path) || !FREE_TEXT.test(source.name)) return `tab, line break or separator in the path or name of ${source.host}`;
  if (NAME_CODES.test(source.name) || NAME_CODES.test(source.path)) return `control character in the name or path of ${source.host}`;
  return null;
}

/**
 * The name beginnings worth sharing: those that end a word (« Mairie de », « Communauté de
 * communes ») and save the most characters over all names, longest first among equals.
 */
function sharedNamePrefixes(names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const name of names) {
    let words = 0;
    for (let i = 0; i < name.length && words < 4; i++) {
      const char = name[i];
      if (char !== ' ' && char !== "'" && char !== '’') continue;
      words++;
      const prefix = name.slice(0, i + 1);
      counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([prefix, count]) => ({ prefix, saved: (prefix.length - 1) * count - prefix.length }))
    .filter(({ saved }) => saved > 0)
    .sort((a, b) => b.saved - a.saved || b.prefix.length - a.prefix.length || (a.prefix < b.prefix ? -1 : 1))
    .slice(0, MAX_NAME_PREFIXES)
    .map(({ prefix }) => prefix);
}

/** A name with its longest shared beginning replaced by its code. */
function shortenedName(name: string, prefixes: readonly string[]): string {
  let best = -1;
  for (let k = 0; k < prefixes.length; k++) {
    if (name.startsWith(prefixes[k]) && (best < 0 || prefixes[k].length > prefixes[best].length)) best = k;
  }
  return best < 0 ? name : String.fromCharCode(NAME_PREFIX_BASE + best) + name.slice(prefixes[best].length);
}

/** The non-ASCII characters of the texts, most frequent first: those that get a code of their own. */
function codedCharacters(texts: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7e) counts.set(text[i], (counts.get(text[i]) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, CHARACTER_CODES.length)
    .map(([character]) => character);
}

/** A text in ASCII: its coded characters as their codes, any other non-ASCII UTF-16 unit escaped. */
function asciiText(text: string, codes: ReadonlyMap<string, string>): string {
  let ascii = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit <= 0x7e) ascii += text[i];
    else ascii += codes.get(text[i]) ?? String.fromCharCode(ESCAPE_CODE) + unit.toString(16).padStart(4, '0');
  }
  return ascii;
}

/** A comment in ASCII, still readable: `\u00e9` for é. */
function asciiComment(comment: string): string {
  return comment.replace(/[^\x00-\x7e]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The compact list of the active sources; same sources and comments → same text. Throws on a source
 * it cannot write. With `patch`, a patch over another compact list (patched-list-index.ts): the
 * sources are then every source the replaced hostnames have now.
 */
export function encodeCompactList(sources: readonly Source[], comments: readonly string[] = [], patch: { replacedHosts: readonly string[] } | null = null): string {
  for (const host of patch?.replacedHosts ?? []) {
    if (!KEY_SHAPE.test(host)) throw new Error(`compact list: replaced hostname "${host}" is not normalized`);
  }
  for (const source of sources) {
    const problem = source.status === 'active' ? unwritable(source) : null;
    if (problem !== null) throw new Error(`compact list: ${problem}`);
  }
  // A source that is a public suffix never vouches for anything, whatever slipped through validation:
  // left out, as the matcher over the full list ignores it (corpus/matcher.ts).
  const active = sources.filter((source) => source.status === 'active' && registrableDomain(source.host) !== null);
  // The PSL facts below the sources' hostnames: where their trust stops.
  const suffixes = new Set<string>();
  const wildcards = new Set<string>();
  for (const host of new Set(active.map((source) => source.host))) {
    const below = publicSuffixesBelow(host);
    for (const suffix of below.suffixes) suffixes.add(suffix);
    for (const wildcard of below.wildcards) wildcards.add(wildcard);
  }
  const facts = [...[...suffixes].map((host) => ({ host, info: PUBLIC_SUFFIX_INFO })), ...[...wildcards].map((host) => ({ host, info: WILDCARD_INFO }))];
  const entries = [
    ...active.map((source) => ({ key: reverseLabels(source.host), info: CATEGORY_IDS.indexOf(source.category) * SCOPES.length + SCOPES.indexOf(source.scope), path: source.path, name: source.name, fact: false })),
    ...facts.map(({ host, info }) => ({ key: reverseLabels(host), info, path: '', name: '', fact: true })),
  ]
    // By key, then path: the order in which the corpus text lists them (the first claim wins); a hostname's PSL facts after its sources.
    .sort((a, b) => (a.key !== b.key ? (a.key < b.key ? -1 : 1) : a.fact !== b.fact ? (a.fact ? 1 : -1) : a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const prefixes = sharedNamePrefixes(entries.map((entry) => entry.name).filter((name) => name !== ''));
  const characters = codedCharacters([...entries.map((entry) => entry.name), ...entries.map((entry) => entry.path)]);
  const codes = new Map(characters.map((character, index) => [character, String.fromCharCode(CHARACTER_CODES[index])]));
  const blocks: string[] = [];
  let block: string[] = [];
  let previous = '';
  for (const { key, info, path, name } of entries) {
    // A new block starts on a new key only: the sources of one hostname stay together.
    if (block.length >= BLOCK_SIZE && key !== previous) {
      blocks.push(block.join(ENTRY_SEPARATOR));
      block = [];
    }
    let shared = 0;
    if (block.length > 0) {
      while (shared < MAX_SHARED && shared < key.length && shared < previous.length && key[shared] === previous[shared]) shared++;
    }
    const extra = path === '' && name === '' ? '' : `${EXTRA_SEPARATOR}${asciiText(path, codes)}${EXTRA_SEPARATOR}${asciiText(shortenedName(name, prefixes), codes)}`;
    block.push(`${String.fromCharCode(INFO_BASE + info, SHARED_BASE + shared)}${key.slice(shared)}${extra}`);
    previous = key;
  }
  if (block.length > 0) blocks.push(block.join(ENTRY_SEPARATOR));
  const header =
    comments.map((comment) => `# ${asciiComment(comment)}\n`).join('') +
    (characters.length === 0 ? '' : `${CHARACTERS_LINE}${characters.map((character) => character.charCodeAt(0).toString(16)).join(',')}\n`) +
    (prefixes.length === 0 ? '' : `${NAME_PREFIXES_LINE}${prefixes.map((prefix) => asciiText(prefix, codes)).join(EXTRA_SEPARATOR)}\n`) +
    (patch === null ? '' : `${REPLACED_HOSTS_LINE}${patch.replacedHosts.join(EXTRA_SEPARATOR)}\n`);
  return `${header}${blocks.join('\n')}\n`;
}

