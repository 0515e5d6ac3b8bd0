/**
 * Deciding whether a link belongs to a trusted source. Runs on every link of every result page,
 * in the extension (browser) and on the server: no Node API here, and no exception escapes `match`.
 * The rules are applied here once, over either of two indexes of the list (matching/): one built
 * for throughput, one that reads the compact list in place and needs no building.
 */
import { type CorpusLineError, forEachCorpusLine, parseCorpusLine } from './corpus-text.ts';
import { CompactListIndex } from './matching/compact-list.ts';
import { HashedRuleIndex } from './matching/hashed-rule-index.ts';
import { PLATFORM_STOP, type RuleIndex } from './matching/host-rules.ts';
import { registrableDomain, staysWithinRegistrableDomain } from './registrable-domain.ts';
import type { Source } from './source.ts';
import { plainHostEnd, plainHostStart, targetHostname } from './url-target.ts';

export interface Matcher {
  /**
   * The active source that the URL (or bare hostname) belongs to, the most specific one when
   * several apply, or null. Trust never crosses a public suffix or a hosting platform.
   */
  match(urlOrHostname: string): Source | null;
}

class RuleMatcher implements Matcher {
  /** By member: whether its hostname is below a public suffix, once a link has needed to know. */
  private readonly registrable = new Map<number, boolean>();
  // Reused by every `match` call (see RuleIndex.findLevels).
  private readonly foundMembers = new Int32Array(128);
  private readonly foundStarts = new Int32Array(128);

  constructor(private readonly index: RuleIndex) {}

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
    }
    if (found === undefined) return null;
    // Trust must not cross a public suffix (see registrable-domain.ts). When the rule is at the
    // hostname or its parent, a public suffix in between could only be the rule's own hostname.
    if (!this.isRegistrable(foundMember)) return null;
    if (foundStart === start || subject.indexOf('.', start) + 1 === foundStart) return found;
    return staysWithinRegistrableDomain(subject.slice(start, end), this.index.hostOf(foundMember)) ? found : null;
  }

  private isRegistrable(member: number): boolean {
    let answer = this.registrable.get(member);
    if (answer === undefined) {
      answer = registrableDomain(this.index.hostOf(member)) !== null;
      this.registrable.set(member, answer);
    }
    return answer;
  }
}

/** Indexes the active sources once; matching is then a few probes per link. */
export function createMatcher(sources: Iterable<Source>): Matcher {
  const list = [...sources];
  const index = new HashedRuleIndex(list.length);
  for (const source of list) if (source.status === 'active') index.add(source);
  return new RuleMatcher(index);
}

/**
 * Indexes a corpus text (corpus-text.ts) without parsing every line: the quick way to get a
 * matcher for many links. Lines are fully read when a link matches them; lines whose structure is
 * wrong are reported here and never match.
 */
export function loadMatcher(text: string): { matcher: Matcher; errors: CorpusLineError[] } {
  const approximateLines = Math.ceil(text.length / 40);
  const index = new HashedRuleIndex(approximateLines, text);
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
      index.addLine(host, offset, line.charCodeAt(scopeStart) === 115 /* s */);
      return;
    }
    const source = parseCorpusLine(line);
    if (typeof source === 'string') errors.push({ line: lineNumber, message: source });
    else index.add(source);
  });
  return { matcher: new RuleMatcher(index), errors };
}

/**
 * A matcher over a compact list (matching/compact-list.ts) that builds nothing: ready at once,
 * each link costs a few binary searches over the text. For a page that checks a few dozen links
 * as soon as it is parsed. Its sources carry what clients use: no id, INSEE code or provenance.
 */
export function compactMatcher(compactList: string): Matcher {
  return new RuleMatcher(new CompactListIndex(compactList));
}
