/**
 * A matcher over a compact list (compact-list.ts) that builds nothing: ready at once, each link
 * costs a few binary searches over the text. For a page that checks a few dozen links as soon as it
 * is parsed: it carries neither the Public Suffix List nor tldts (the list's entries hold the PSL
 * facts its sources need). Its sources carry what clients use: no id, INSEE code or provenance.
 */
import { CompactListIndex } from './compact-list.ts';
import { type Matcher, RuleMatcher } from './rule-matcher.ts';

export function compactMatcher(compactList: string): Matcher {
  return new RuleMatcher(new CompactListIndex(compactList), null);
}
