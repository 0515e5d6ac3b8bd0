/**
 * Matching in the extension, in whichever script asks (a result page's content script, the
 * background): a compact list searched in place, with nothing to build, so that a result page gets
 * its badges in the very task where its results are parsed. The list is the bundled one, with the
 * patch of a newer signed version from storage when there is one (current-list.ts).
 */
import { compactMatcher } from '../../corpus/matching/compact-matcher.ts';
import type { Matcher } from '../../corpus/matching/rule-matcher.ts';
import type { Source } from '../../corpus/source.ts';
import type { MatchedSource, MatchResponse } from './messages.ts';

/** The list to match with: the bundled compact list and, when a newer version is in use, its patch. */
export interface MatchingList {
  bundled: string;
  patch: string | null;
}

let cached: (MatchingList & { matcher: Matcher }) | undefined;

/** The matcher over a list (kept for the last list asked: lists change rarely). */
function matcherFor(list: MatchingList): Matcher {
  if (cached === undefined || cached.bundled !== list.bundled || cached.patch !== list.patch) {
    cached = { ...list, matcher: compactMatcher(list.bundled, list.patch) };
  }
  return cached.matcher;
}

function toMatched(source: Source | null): MatchedSource | null {
  return source === null ? null : { host: source.host, category: source.category, name: source.name };
}

/** The sources of the targets, in order (null: not trusted). */
export function matchTargets(targets: readonly string[], list: MatchingList): MatchResponse {
  const matcher = matcherFor(list);
  return targets.map((target) => toMatched(matcher.match(target)));
}

export function matchUrl(url: string, list: MatchingList): MatchedSource | null {
  return matchTargets([url], list)[0];
}
