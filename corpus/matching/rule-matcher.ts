/**
 * Deciding whether a link belongs to a trusted source, over either index of the list (matching/):
 * the rules applied once, here. Browser-safe and free of the Public Suffix List itself: an index
 * built from the full list brings its PSL checks (matcher.ts, through tldts), the compact list
 * carries the PSL facts it needs in its entries (compact-list-encoder.ts). No exception escapes `match`.
 */
import type { Source } from '../source.ts';
import { plainHostEnd, plainHostStart, targetHostname } from '../url-target.ts';
import { PLATFORM_STOP, type RuleIndex } from './host-rules.ts';

export interface Matcher {
  /**
   * The active source that the URL (or bare hostname) belongs to, the most specific one when
   * several apply, or null. Trust never crosses a public suffix or a hosting platform.
   */
  match(urlOrHostname: string): Source | null;
}

/** The Public Suffix List questions a matcher asks when its index does not carry the answers. */
export interface SuffixChecks {
  /** The hostname is below a public suffix (a registrable domain or a subdomain of one). */
  isRegistrable(host: string): boolean;
  /** Trust given at `level` (an ancestor of `host`) stays within `host`'s registrable domain. */
  staysWithinRegistrableDomain(host: string, level: string): boolean;
}

export class RuleMatcher implements Matcher {
  /** By member: whether its hostname is below a public suffix, once a link has needed to know. */
  private readonly registrable = new Map<number, boolean>();
  // Reused by every `match` call (see RuleIndex.findLevels).
  private readonly foundMembers = new Int32Array(128);
  private readonly foundStarts = new Int32Array(128);

  /** `suffixes`: null when the index's own entries stop trust at public suffixes (the compact list). */
  constructor(
    private readonly index: RuleIndex,
    private readonly suffixes: SuffixChecks | null,
  ) {}

  match(urlOrHostname: string): Source | null {
    if (typeof urlOrHostname !== 'string') return null;
    // Most links are `http(s)://lowercase.host/…`: their hostname is read in place; any other
    // shape is normalized by the URL parser first.
    let subject = urlOrHostname;
    let start = plainHostStart(subject);
    let end = start < 0 ? -1 : plainHostEnd(subject, start);
    let count = end < 0 ? -1 : this.index.findLevels(subject, start, end, this.foundMembers, this.foundStarts);
    if (count < 0) {
      const host = targetHostname(urlOrHostname);
      if (host === null) return null;
      subject = host;
      start = 0;
      end = host.length;
      count = this.index.findLevels(host, 0, end, this.foundMembers, this.foundStarts);
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
      const levelStart = this.foundStarts[k];
      const rule = this.index.ruleAt(this.foundMembers[k], levelStart === start || levelStart === wwwLessStart, urlOrHostname);
      if (rule === PLATFORM_STOP) {
        found = undefined;
      } else if (rule !== null) {
        found = rule;
        foundMember = this.foundMembers[k];
        foundStart = levelStart;
      }
      // A wildcard rule of the Public Suffix List here: every hostname below is someone else's.
      if (levelStart !== start && this.index.childrenAreSuffixes(this.foundMembers[k])) found = undefined;
    }
    if (found === undefined || this.suffixes === null) return found ?? null;
    // Trust must not cross a public suffix (see registrable-domain.ts).
    if (!this.isRegistrable(foundMember)) return null;
    if (foundStart === start) return found;
    return this.suffixes.staysWithinRegistrableDomain(subject.slice(start, end), this.index.hostOf(foundMember)) ? found : null;
  }

  private isRegistrable(member: number): boolean {
    let answer = this.registrable.get(member);
    if (answer === undefined) {
      answer = this.suffixes === null || this.suffixes.isRegistrable(this.index.hostOf(member));
      this.registrable.set(member, answer);
    }
    return answer;
  }
}

