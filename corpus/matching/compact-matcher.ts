/**
 * A matcher over a compact list (compact-list.ts) that builds nothing: ready at once, each link
 * costs a few binary searches over the text. For a page that checks a few dozen links as soon as it
 * is parsed: it carries neither the Public Suffix List nor tldts (the list's entries hold the PSL
 * facts its sources need). Its sources carry what clients use: no id, INSEE code or provenance.
 * With a patch (a newer version as its difference from this list, patched-list-index.ts), the
 * matcher answers for the newer version.
 */
import { CompactListIndex } from './compact-list.ts';
import { PatchedListIndex } from './patched-list-index.ts';
import { type Matcher, RuleMatcher } from './rule-matcher.ts';

export function compactMatcher(compactList: string, patch: string | null = null): Matcher {
  const index = new CompactListIndex(compactList);
  return new RuleMatcher(patch === null ? index : new PatchedListIndex(index, new CompactListIndex(patch)), null);
}
