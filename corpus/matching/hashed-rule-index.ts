/**
 * The rule index built for throughput (servers, scripts, benchmarks): every hostname of the list in
 * a hash table (host-table.ts), so that a link that matches nothing costs a few bit lookups per
 * label. Building it reads the whole list once (tens of milliseconds for the full corpus).
 */
import { parseCorpusLine } from '../corpus-text.ts';
import { PLATFORMS } from '../platforms.ts';
import { childrenArePublicSuffixes } from '../registrable-domain.ts';
import type { Source } from '../source.ts';
import { HostTable } from './host-table.ts';
import { addRule, HostRules, type LevelRule, type RuleIndex, ruleOf } from './host-rules.ts';

/**
 * What the index holds for one hostname: the source itself, a group of rules, or — for an index
 * built from corpus text — the line's offset in that text (×2, +1 for a `subdomains` scope),
 * parsed into a source only when a link matches it, so that building stays quick and small.
 */
type IndexEntry = Source | HostRules | number;

export class HashedRuleIndex implements RuleIndex {
  private readonly hosts: HostTable;
  /** By member number of `hosts`. */
  private readonly entries: IndexEntry[] = [];
  /** By member: whether a wildcard rule of the Public Suffix List sits on it, once a link needed to know. */
  private readonly wildcards = new Map<number, boolean>();

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

  /** Indexes an active source, unless another one already claims its hostname and path (the first claim wins). */
  add(source: Source): void {
    const member = this.hosts.add(source.host);
    if (member === this.entries.length) {
      if (source.scope !== 'path') {
        this.entries.push(source);
        return;
      }
      this.entries.push(new HostRules());
    }
    addRule(this.rulesOf(member), source);
  }

  /** Indexes one active host or subdomains line of `text` without parsing it (see IndexEntry). */
  addLine(host: string, offset: number, isSubdomains: boolean): void {
    const member = this.hosts.add(host);
    if (member === this.entries.length) {
      this.entries.push(offset * 2 + (isSubdomains ? 1 : 0));
      return;
    }
    const source = parseCorpusLine(this.lineAt(offset));
    if (typeof source !== 'string') this.add(source);
  }

  findLevels(subject: string, start: number, end: number, members: Int32Array, starts: Int32Array): number {
    return this.hosts.findSuffixMembers(subject, start, end, members, starts);
  }

  ruleAt(member: number, exact: boolean, urlOrHostname: string): LevelRule {
    const entry = this.entries[member];
    if (entry instanceof HostRules) return ruleOf(entry, exact, urlOrHostname);
    // A single host or subdomains rule (never a path: those always make a group).
    if (exact || (typeof entry === 'number' ? entry % 2 === 1 : entry.scope === 'subdomains')) return this.materialize(member, entry);
    return null;
  }

  hostOf(member: number): string {
    return this.hosts.hosts[member];
  }

  childrenAreSuffixes(member: number): boolean {
    let answer = this.wildcards.get(member);
    if (answer === undefined) {
      answer = childrenArePublicSuffixes(this.hosts.hosts[member]);
      this.wildcards.set(member, answer);
    }
    return answer;
  }

  /** The entry of a member as a group of rules, converting a single source into one. */
  private rulesOf(member: number): HostRules {
    const entry = this.entries[member];
    if (entry instanceof HostRules) return entry;
    const rules = new HostRules();
    const source = this.materialize(member, entry);
    if (source !== null) addRule(rules, source);
    this.entries[member] = rules;
    return rules;
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

  private lineAt(offset: number): string {
    const end = this.text.indexOf('\n', offset);
    const line = this.text.slice(offset, end < 0 ? this.text.length : end);
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  }
}
