/**
 * Deciding whether a link belongs to a trusted source. Runs on every link of every result page,
 * in the extension (browser) and on the server: no Node API here, and no exception escapes `match`.
 */
import { type CorpusLineError, forEachCorpusLine, parseCorpusLine } from './corpus-text.ts';
import { HostTable } from './host-table.ts';
import { PLATFORMS } from './platforms.ts';
import { registrableDomain, staysWithinRegistrableDomain } from './registrable-domain.ts';
import type { Source } from './source.ts';
import { plainHostEnd, plainHostStart, targetHostname, targetPath } from './url-target.ts';

export interface Matcher {
  /**
   * The active source that the URL (or bare hostname) belongs to, the most specific one when
   * several apply, or null. Trust never crosses a public suffix or a hosting platform.
   */
  match(urlOrHostname: string): Source | null;
  /** Number of active sources indexed. */
  readonly size: number;
  /** Active sources left out because another one already claims the same hostname and path. */
  readonly conflicts: readonly Source[];
}

/** The rules that start at one hostname, when there is more than one plain rule there. */
class HostRules {
  host?: Source;
  subdomains?: Source;
  /** Longest prefix first. */
  paths?: Source[];
  /** A hosting platform: trust never flows from here or above to the tenants below. */
  isPlatform = false;
}

/**
 * What the index holds for one hostname: the source itself, a group of rules, or — for a matcher
 * loaded from corpus text — the line's offset in that text (×2, +1 for a `subdomains` scope),
 * parsed into a source only when a link matches it, so that loading stays quick and small.
 */
type IndexEntry = Source | HostRules | number;

const REGISTRABLE = 1;
const PUBLIC_SUFFIX = 2;

function pathIsUnder(path: string, prefix: string): boolean {
  return path.startsWith(prefix) && (path.length === prefix.length || path.charCodeAt(prefix.length) === 47 /* / */);
}

class HostIndexMatcher implements Matcher {
  size = 0;
  readonly conflicts: Source[] = [];
  private readonly hosts: HostTable;
  /** By member number of `hosts`. */
  private readonly entries: IndexEntry[] = [];
  /** By member number: whether the hostname is below a public suffix, once a link has needed to know. */
  private suffixChecks = new Uint8Array(1024);
  // Reused by every `match` call (see HostTable.findSuffixMembers).
  private readonly foundMembers = new Int32Array(128);
  private readonly foundStarts = new Int32Array(128);

  constructor(
    expectedSize: number,
    private readonly text = '',
  ) {
    this.hosts = new HostTable(expectedSize + PLATFORMS.length);
    for (const platform of PLATFORMS) {
      const member = this.hosts.add(platform.host);
      if (member === this.entries.length) this.entries.push(new HostRules());
      this.rulesOf(member).isPlatform = true;
    }
  }

  /** The entry of a member as a group of rules, converting a single source into one. */
  private rulesOf(member: number): HostRules {
    const entry = this.entries[member];
    if (entry instanceof HostRules) return entry;
    const rules = new HostRules();
    const source = this.materialize(member, entry);
    if (source !== null) rules[source.scope === 'host' ? 'host' : 'subdomains'] = source;
    this.entries[member] = rules;
    return rules;
  }

  add(source: Source): void {
    if (source.status !== 'active') return;
    const member = this.hosts.add(source.host);
    if (member === this.entries.length) {
      if (source.scope !== 'path') {
        this.entries.push(source);
        this.size++;
        return;
      }
      this.entries.push(new HostRules());
    }
    const rules = this.rulesOf(member);
    if (source.scope === 'path') {
      if (rules.paths?.some((other) => other.path === source.path)) return void this.conflicts.push(source);
      (rules.paths ??= []).push(source);
      rules.paths.sort((a, b) => b.path.length - a.path.length);
    } else if (rules.host !== undefined || rules.subdomains !== undefined) {
      return void this.conflicts.push(source);
    } else {
      rules[source.scope === 'host' ? 'host' : 'subdomains'] = source;
    }
    this.size++;
  }

  /** Indexes one active line of `text` without parsing it (see IndexEntry). */
  addLine(host: string, offset: number, isSubdomains: boolean): void {
    const member = this.hosts.add(host);
    if (member === this.entries.length) {
      this.entries.push(offset * 2 + (isSubdomains ? 1 : 0));
      this.size++;
      return;
    }
    const source = parseCorpusLine(this.lineAt(offset));
    if (typeof source !== 'string') this.add(source);
  }

  private lineAt(offset: number): string {
    const end = this.text.indexOf('\n', offset);
    const line = this.text.slice(offset, end < 0 ? this.text.length : end);
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  }

  /** The source behind an entry that is not a group, parsed (and kept) if it was a line. */
  private materialize(member: number, entry: Source | number): Source | null {
    if (typeof entry !== 'number') return entry;
    const source = parseCorpusLine(this.lineAt(Math.floor(entry / 2)));
    if (typeof source === 'string' || source.host !== this.hosts.hosts[member]) {
      this.entries[member] = new HostRules(); // unreadable: never matches
      return null;
    }
    this.entries[member] = source;
    return source;
  }

  match(urlOrHostname: string): Source | null {
    if (typeof urlOrHostname !== 'string') return null;
    // Most links are `http(s)://lowercase.host/…`: their hostname is read in place (see
    // HostTable.findSuffixMembers); any other shape is normalized by the URL parser first.
    let subject = urlOrHostname;
    let start = plainHostStart(subject);
    let end = start < 0 ? -1 : plainHostEnd(subject, start);
    let count = end < 0 ? -1 : this.hosts.findSuffixMembers(subject, start, end, this.foundMembers, this.foundStarts);
    if (count < 0) {
      const host = targetHostname(urlOrHostname);
      if (host === null) return null;
      subject = host;
      start = 0;
      end = host.length;
      count = this.hosts.findSuffixMembers(host, 0, end, this.foundMembers, this.foundStarts);
    }
    if (count <= 0) return null;

    // From the shortest suffix to the hostname itself (`fr`, `x.fr`, `www.x.fr`): the deepest rule
    // that applies wins, and a platform cancels whatever was found above it. Exact-host and path
    // rules apply to the hostname itself and to its `www.`-less form only.
    const wwwLessStart = subject.startsWith('www.', start) ? start + 4 : start;
    let found: Source | undefined;
    let foundMember = -1;
    let foundStart = -1;
    for (let k = 0; k < count; k++) {
      const member = this.foundMembers[k];
      const levelStart = this.foundStarts[k];
      const isExactLevel = levelStart === start || levelStart === wwwLessStart;
      const entry = this.entries[member];
      let rule: Source | null | undefined;
      if (entry instanceof HostRules) {
        if (isExactLevel) {
          if (entry.paths !== undefined) rule = this.matchPath(entry.paths, urlOrHostname);
          rule ??= entry.host;
        }
        if (rule === undefined) {
          if (entry.isPlatform) {
            found = undefined;
            continue;
          }
          rule = entry.subdomains;
        }
      } else if (isExactLevel || (typeof entry === 'number' ? entry % 2 === 1 : entry.scope === 'subdomains')) {
        rule = this.materialize(member, entry);
      }
      if (rule) {
        found = rule;
        foundMember = member;
        foundStart = levelStart;
      }
    }
    if (found === undefined) return null;
    // Trust must not cross a public suffix (see registrable-domain.ts). When the rule is at the
    // hostname or its parent, a public suffix in between could only be the rule's own hostname.
    if (!this.isRegistrable(foundMember)) return null;
    if (foundStart === start || subject.indexOf('.', start) + 1 === foundStart) return found;
    return staysWithinRegistrableDomain(subject.slice(start, end), this.hosts.hosts[foundMember]) ? found : null;
  }

  /** Whether a member's hostname is below a public suffix, computed once a link has needed to know. */
  private isRegistrable(member: number): boolean {
    if (member >= this.suffixChecks.length) {
      const grown = new Uint8Array(Math.max(member + 1, this.suffixChecks.length * 2));
      grown.set(this.suffixChecks);
      this.suffixChecks = grown;
    }
    if (this.suffixChecks[member] === 0) {
      this.suffixChecks[member] = registrableDomain(this.hosts.hosts[member]) === null ? PUBLIC_SUFFIX : REGISTRABLE;
    }
    return this.suffixChecks[member] === REGISTRABLE;
  }

  private matchPath(paths: Source[], urlOrHostname: string): Source | undefined {
    const path = targetPath(urlOrHostname);
    if (path === null) return undefined;
    return paths.find((source) => pathIsUnder(path, source.path));
  }
}

/** Indexes the active sources once; matching is then a few probes per link. */
export function createMatcher(sources: Iterable<Source>): Matcher {
  const list = [...sources];
  const matcher = new HostIndexMatcher(list.length);
  for (const source of list) matcher.add(source);
  return matcher;
}

/**
 * Indexes a corpus text (corpus-text.ts) without parsing every line: the quick way to get a
 * matcher when a page loads. Lines are fully read when a link matches them; lines whose
 * structure is wrong are reported here and never match.
 */
export function loadMatcher(text: string): { matcher: Matcher; errors: CorpusLineError[] } {
  const approximateLines = Math.ceil(text.length / 40);
  const matcher = new HostIndexMatcher(approximateLines, text);
  const errors: CorpusLineError[] = [];
  forEachCorpusLine(text, (line, lineNumber, offset) => {
    const hostStart = line.indexOf('\t') + 1;
    const scopeStart = line.indexOf('\t', hostStart) + 1;
    const pathStart = line.indexOf('\t', scopeStart) + 1;
    const categoryStart = line.indexOf('\t', pathStart) + 1;
    const statusStart = line.indexOf('\t', categoryStart) + 1;
    if (hostStart === 0 || scopeStart === 0 || pathStart === 0 || categoryStart === 0 || statusStart === 0) {
      errors.push({ line: lineNumber, message: 'missing columns' });
      return;
    }
    if (!line.startsWith('active\t', statusStart)) {
      if (!line.startsWith('suspended\t', statusStart) && !line.startsWith('removed\t', statusStart)) {
        errors.push({ line: lineNumber, message: 'invalid status' });
      }
      return;
    }
    const host = line.slice(hostStart, scopeStart - 1);
    if (line.startsWith('subdomains\t\t', scopeStart) || line.startsWith('host\t\t', scopeStart)) {
      matcher.addLine(host, offset, line.charCodeAt(scopeStart) === 115 /* s */);
      return;
    }
    const source = parseCorpusLine(line);
    if (typeof source === 'string') errors.push({ line: lineNumber, message: source });
    else matcher.add(source);
  });
  return { matcher, errors };
}
