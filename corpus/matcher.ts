/**
 * Deciding whether a link belongs to a trusted source. Runs on every link of every result page,
 * in the extension (browser) and on the server: no Node API here, and no exception escapes `match`.
 * The rules are applied here once, over either of two indexes of the list (matching/): one built
 * for throughput, one that reads the compact list in place and needs no building.
 */
import { type CorpusLineError, forEachCorpusLine, nextCellStart, parseCorpusLine } from './corpus-text.ts';
import { HashedRuleIndex } from './matching/hashed-rule-index.ts';
import { type Matcher, RuleMatcher, type SuffixChecks } from './matching/rule-matcher.ts';
import { registrableDomain, staysWithinRegistrableDomain } from './registrable-domain.ts';
import type { Source } from './source.ts';

export type { Matcher } from './matching/rule-matcher.ts';
export { compactMatcher } from './matching/compact-matcher.ts';

/** The Public Suffix List, through tldts, for the index built from the full list. */
const PSL_CHECKS: SuffixChecks = {
  isRegistrable: (host) => registrableDomain(host) !== null,
  staysWithinRegistrableDomain,
};

/** Indexes the active sources once; matching is then a few probes per link. */
export function createMatcher(sources: Iterable<Source>): Matcher {
  const list = [...sources];
  const index = new HashedRuleIndex(list.length);
  for (const source of list) if (source.status === 'active') index.add(source);
  return new RuleMatcher(index, PSL_CHECKS);
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
    const hostStart = nextCellStart(line, 0);
    const scopeStart = nextCellStart(line, hostStart);
    const pathStart = nextCellStart(line, scopeStart);
    const categoryStart = nextCellStart(line, pathStart);
    const statusStart = nextCellStart(line, categoryStart);
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
  return { matcher: new RuleMatcher(index, PSL_CHECKS), errors };
}
