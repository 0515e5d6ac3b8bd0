/**
 * The compact list: what an extension carries of the corpus, small enough to be compiled into the
 * script of every result page (its size is what that page pays, about 50 ms per megabyte on a
 * slow machine when the compile cache is cold), and searched in place, with nothing to build.
 *
 * Active sources only, keyed by their hostname with its labels reversed (`fr.gouv.ain`), sorted,
 * and front-coded: each entry keeps only what differs from the one before it, so that the
 * thousands of `….gouv.fr` or `….e-lyco.fr` hosts share their common part. About a fifth of the
 * corpus text. Entries come in blocks of up to 16 whose first entry is whole, so that a lookup is
 * a bisection over the blocks and a short walk in one.
 *
 *   # comments (the data credit)
 *   block \n block \n …          block = entry \t entry \t …
 *   entry = info shared suffix [ \x1f path \x1f name ]
 *
 * `info` is one character for category and scope, `shared` one for how many leading characters
 * of the previous key the entry keeps. Two more kinds of entry carry the Public Suffix List facts
 * the sources need, so that a result page matches without the PSL: a public suffix below a source
 * (trust stops there, as at a platform) and a hostname whose every child is a public suffix (a
 * wildcard rule). Names share their frequent beginnings (« Mairie de », « Communauté de communes »):
 * a header line `#=` lists them, separated by \x1f, and a name starting with the control character
 * \x01 + k begins with the k-th. The text is ASCII, so that the script carrying it is read and held
 * at one byte a character: the non-ASCII characters of names and paths are written as control
 * characters \x0b, \x0c, \x0e… standing for the characters a header line `#%` lists (hexadecimal
 * code points), or as \x1e and four hexadecimal digits. A patch over another compact list (a newer
 * signed version as a difference from the bundled one, patched-list-index.ts) is a compact list
 * with a `#-` header line naming the hostnames it replaces. Written by compact-list-encoder.ts; this
 * module only reads, and is browser-safe.
 */
import { CATEGORY_IDS } from '../categories.ts';
import { PLATFORMS } from '../platforms.ts';
import { SCOPES, type Source } from '../source.ts';
import { HostTable } from './host-table.ts';
import { addRule, HostRules, type LevelRule, type RuleIndex, ruleOf } from './host-rules.ts';

export const INFO_BASE = 0x41; // 'A': category index × 3 + scope index, 36 values
/** Info of an entry that is a public suffix below a source (not a source). */
export const PUBLIC_SUFFIX_INFO = CATEGORY_IDS.length * SCOPES.length;
/** Info of an entry whose every child is a public suffix (not a source). */
export const WILDCARD_INFO = PUBLIC_SUFFIX_INFO + 1;
export const SHARED_BASE = 0x30; // '0'
export const MAX_SHARED = 0x7e - SHARED_BASE; // stays printable ASCII
export const BLOCK_SIZE = 16;
export const ENTRY_SEPARATOR = '\t';
/** The header line of shared name beginnings. */
export const NAME_PREFIXES_LINE = '#=';
/** A name starting with this code + k starts with the k-th shared beginning (up to 8 of them: \x01–\x08). */
export const NAME_PREFIX_BASE = 1;
export const MAX_NAME_PREFIXES = 8;
/** The header line of the non-ASCII characters that have a code of their own. */
export const CHARACTERS_LINE = '#%';
/**
 * The header line of a patch (list-patch.ts): the hostnames whose sources it replaces in the list it
 * applies to (separated by \x1f). Its entries then stand for every source those hostnames have now.
 */
export const REPLACED_HOSTS_LINE = '#-';
/** The codes of those characters, in order. */
export const CHARACTER_CODES = [0x0b, 0x0c, ...Array.from({ length: 16 }, (_, i) => 0x0e + i)];
/** Followed by four hexadecimal digits: any other UTF-16 code unit. */
export const ESCAPE_CODE = 0x1e;
const NEEDS_DECODING = /[\x0b\x0c\x0e-\x1e]/;

/** The comment lines of a compact list (the data credit), as they were given to the encoder. */
export function compactListComments(text: string): string[] {
  const comments: string[] = [];
  for (let start = 0; start < text.length && text.startsWith('# ', start); ) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start + 2, end < 0 ? text.length : end);
    comments.push(line.replace(/\\u([0-9a-f]{4})/g, (_escape, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))));
    start = end < 0 ? text.length : end + 1;
  }
  return comments;
}

/** A name or path as written, with its character codes read back. */
function decodeText(text: string, characters: readonly string[]): string {
  if (!NEEDS_DECODING.test(text)) return text;
  let decoded = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === ESCAPE_CODE) {
      decoded += String.fromCharCode(Number.parseInt(text.slice(i + 1, i + 5), 16));
      i += 4;
      continue;
    }
    const index = CHARACTER_CODES.indexOf(code);
    decoded += index >= 0 && index < characters.length ? characters[index] : text[i];
  }
  return decoded;
}
export const EXTRA_SEPARATOR = '\x1f';
const NEWLINE = 10;
const TAB = 9;
const EXTRA = 0x1f;
const DOT = 46;

/** `ain.gouv.fr` ↔ `fr.gouv.ain`. */
export function reverseLabels(host: string): string {
  return host.split('.').reverse().join('.');
}

function isKeyChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 45 || code === DOT;
}

/** The rule index over a compact list (see RuleIndex): reads the text in place, keeps the rules of the hostnames links reach. */
export class CompactListIndex implements RuleIndex {
  private readonly bodyStart: number;
  private readonly bodyEnd: number;
  /** The platforms, which are not in the list; platform member number p is index member -(p + 2). */
  private readonly platforms = new HostTable(PLATFORMS.length);
  /** By member: the offset of the first entry of a hostname in the text, or a platform's negative number. */
  private readonly rules = new Map<number, HostRules>();
  private readonly hosts = new Map<number, string>();
  private readonly platformMembers = new Int32Array(128);
  private readonly platformStarts = new Int32Array(128);

  /** Shared name beginnings (the `#=` header line). */
  private readonly namePrefixes: string[] = [];
  /** The characters that have a code (the `#%` header line). */
  private readonly characters: string[] = [];
  /** A patch's hostnames whose sources it replaces (the `#-` header line); empty for a whole list. */
  readonly replacedHosts = new Set<string>();

  constructor(private readonly text: string) {
    let start = 0;
    while (start < text.length && text.charCodeAt(start) === 35 /* # */) {
      const end = text.indexOf('\n', start);
      const lineEnd = end < 0 ? text.length : end;
      if (text.startsWith(NAME_PREFIXES_LINE, start)) this.namePrefixes = text.slice(start + NAME_PREFIXES_LINE.length, lineEnd).split(EXTRA_SEPARATOR);
      if (text.startsWith(CHARACTERS_LINE, start)) {
        this.characters = text.slice(start + CHARACTERS_LINE.length, lineEnd).split(',').map((hex) => String.fromCharCode(Number.parseInt(hex, 16)));
      }
      if (text.startsWith(REPLACED_HOSTS_LINE, start)) {
        for (const host of text.slice(start + REPLACED_HOSTS_LINE.length, lineEnd).split(EXTRA_SEPARATOR)) if (host !== '') this.replacedHosts.add(host);
      }
      start = end < 0 ? text.length : end + 1;
    }
    this.namePrefixes = this.namePrefixes.map((prefix) => decodeText(prefix, this.characters));
    let end = text.length;
    while (end > start && text.charCodeAt(end - 1) === NEWLINE) end--;
    this.bodyStart = start;
    this.bodyEnd = end;
    for (const platform of PLATFORMS) this.platforms.add(platform.host);
  }

  findLevels(subject: string, start: number, end: number, members: Int32Array, starts: Int32Array): number {
    // One pass over the platforms also checks the characters (see HostTable.findSuffixMembers).
    const platformCount = this.platforms.findSuffixMembers(subject, start, end, this.platformMembers, this.platformStarts);
    if (platformCount < 0) return -1;
    let count = 0;
    let platform = 0;
    let key = '';
    for (let labelEnd = end, i = end - 1; i >= start - 1; i--) {
      if (i >= start && subject.charCodeAt(i) !== DOT) continue;
      const levelStart = i + 1;
      if (levelStart >= labelEnd) break; // an empty label: no longer level can be a hostname of the list
      const isTopLevel = key === '';
      key = isTopLevel ? subject.slice(levelStart, labelEnd) : `${key}.${subject.slice(levelStart, labelEnd)}`;
      labelEnd = i;
      // A top-level label alone is never a source (hostnames of the list hold a dot): no search.
      let member = isTopLevel ? -1 : this.lookUp(key);
      if (platform < platformCount && this.platformStarts[platform] === levelStart) {
        if (member === -1) member = -(this.platformMembers[platform] + 2);
        platform++;
      }
      if (member !== -1 && count < members.length) {
        members[count] = member;
        starts[count] = levelStart;
        count++;
      }
    }
    return count;
  }

  ruleAt(member: number, exact: boolean, urlOrHostname: string): LevelRule {
    return ruleOf(this.rulesOf(member), exact, urlOrHostname);
  }

  /** Every hostname the list has an entry for (sources and Public Suffix List facts), once each. */
  listedHosts(): Set<string> {
    const hosts = new Set<string>();
    for (let blockStart = this.bodyStart; blockStart < this.bodyEnd; ) {
      const blockEnd = this.text.indexOf('\n', blockStart);
      let previous = '';
      for (let at = blockStart; at >= 0 && at < this.bodyEnd; ) {
        const entry = this.readEntry(at, previous);
        hosts.add(reverseLabels(entry.key));
        previous = entry.key;
        at = entry.next;
      }
      blockStart = blockEnd < 0 ? this.bodyEnd : blockEnd + 1;
    }
    return hosts;
  }

  hostOf(member: number): string {
    return member < 0 ? this.platforms.hosts[-member - 2] : (this.hosts.get(member) ?? '');
  }

  childrenAreSuffixes(member: number): boolean {
    return this.rulesOf(member).childrenAreSuffixes;
  }

  /** Hostnames' rules are kept as lookUp reads them; a platform that is not in the list has only its platform flag. */
  private rulesOf(member: number): HostRules {
    let rules = this.rules.get(member);
    if (rules === undefined) {
      rules = new HostRules();
      rules.isPlatform = member < 0;
      this.rules.set(member, rules);
    }
    return rules;
  }

  /** Finds a reversed hostname; reads and keeps its rules; gives the offset of its first entry, or -1. */
  private lookUp(key: string): number {
    const block = this.blockFor(key);
    if (block < 0) return -1;
    let previous = '';
    for (let at = block; at < this.bodyEnd; ) {
      const entry = this.readEntry(at, previous);
      if (entry.key === key) {
        if (!this.rules.has(at)) this.keepRules(at, previous);
        return at;
      }
      if (entry.key > key || entry.next < 0) return -1;
      previous = entry.key;
      at = entry.next;
    }
    return -1;
  }

  /** The rules of one hostname, from its entries (adjacent, in one block, the first one at `first`, after the key `before`). */
  private keepRules(first: number, before: string): void {
    const key = this.readEntry(first, before).key;
    const host = reverseLabels(key);
    const rules = new HostRules();
    rules.isPlatform = this.platforms.find(host) >= 0;
    let previous = before;
    for (let at = first; at >= 0 && at < this.bodyEnd; ) {
      const entry = this.readEntry(at, previous);
      if (entry.key !== key) break;
      const category = CATEGORY_IDS[Math.floor(entry.info / SCOPES.length)];
      const scope = SCOPES[entry.info % SCOPES.length];
      if (entry.info === PUBLIC_SUFFIX_INFO) rules.isPlatform = true;
      else if (entry.info === WILDCARD_INFO) rules.childrenAreSuffixes = true;
      else if (category !== undefined && scope !== undefined) {
        addRule(rules, { id: '', host, scope, path: entry.path, category, status: 'active', name: entry.name, code: '', provenance: '' });
      }
      previous = entry.key;
      at = entry.next;
    }
    this.rules.set(first, rules);
    this.hosts.set(first, host);
  }

  /** The entry at `at` given the key before it in its block (`previous`, '' for the first), and where the next one of the block starts (-1 at the block's end). */
  private readEntry(at: number, previous: string): { key: string; info: number; path: string; name: string; next: number } {
    const { text } = this;
    const info = text.charCodeAt(at) - INFO_BASE;
    const shared = text.charCodeAt(at + 1) - SHARED_BASE;
    let end = at + 2;
    while (end < this.bodyEnd && isKeyChar(text.charCodeAt(end))) end++;
    const key = previous.slice(0, shared) + text.slice(at + 2, end);
    let path = '';
    let name = '';
    if (text.charCodeAt(end) === EXTRA) {
      const pathEnd = text.indexOf(EXTRA_SEPARATOR, end + 1);
      let nameEnd = end + 1;
      while (nameEnd < this.bodyEnd && text.charCodeAt(nameEnd) !== TAB && text.charCodeAt(nameEnd) !== NEWLINE) nameEnd++;
      path = decodeText(text.slice(end + 1, pathEnd < 0 || pathEnd > nameEnd ? nameEnd : pathEnd), this.characters);
      name = pathEnd < 0 || pathEnd > nameEnd ? '' : text.slice(pathEnd + 1, nameEnd);
      const prefix = name.charCodeAt(0) - NAME_PREFIX_BASE;
      if (prefix >= 0 && prefix < this.namePrefixes.length) name = this.namePrefixes[prefix] + decodeText(name.slice(1), this.characters);
      else name = decodeText(name, this.characters);
      end = nameEnd;
    }
    return { key, info, path, name, next: text.charCodeAt(end) === TAB ? end + 1 : -1 };
  }

  /** The start of the last block whose first key is not after `key`, or -1 (bisection over the blocks). */
  private blockFor(key: string): number {
    let low = this.bodyStart;
    let high = this.bodyEnd;
    let found = -1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const blockStart = Math.max(this.text.lastIndexOf('\n', middle - 1) + 1, this.bodyStart);
      if (this.compareFirstKey(blockStart, key) <= 0) {
        found = blockStart;
        const blockEnd = this.text.indexOf('\n', blockStart);
        low = blockEnd < 0 ? this.bodyEnd : blockEnd + 1;
      } else {
        high = blockStart;
      }
    }
    return found;
  }

  /** The first (whole) key of the block at `blockStart` against `key`, in code-unit order. */
  private compareFirstKey(blockStart: number, key: string): number {
    const { text } = this;
    for (let i = blockStart + 2, j = 0; ; i++, j++) {
      const ended = i >= this.bodyEnd || !isKeyChar(text.charCodeAt(i));
      if (j === key.length) return ended ? 0 : 1;
      if (ended) return -1;
      const a = text.charCodeAt(i);
      const b = key.charCodeAt(j);
      if (a !== b) return a < b ? -1 : 1;
    }
  }
}
