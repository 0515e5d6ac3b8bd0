/**
 * Matching in the extension, in whichever script asks (a result page's content script, the
 * background): a compact list searched in place, with nothing to build, so that a result page gets
 * its badges in the very task where its results are parsed. The list is the bundled one, with the
 * patch of a newer signed version from storage when there is one (current-list.ts).
 */
import { compactMatcher } from '../../corpus/matching/compact-matcher.ts';
import type { Matcher } from '../../corpus/matching/rule-matcher.ts';
import type { Source } from '../../corpus/source.ts';
import { BUNDLED_LIST } from '../list/current-list.ts';
import type { MatchedSource, MatchResponse } from './messages.ts';

let cached: { patch: string | null; matcher: Matcher } | undefined;

/** The matcher over the bundled list and a patch (kept for the last patch asked: lists change rarely). */
function matcherFor(patch: string | null): Matcher {
  if (cached === undefined || cached.patch !== patch) cached = { patch, matcher: compactMatcher(BUNDLED_LIST.compact, patch) };
  return cached.matcher;
}

function toMatched(source: Source | null): MatchedSource | null {
  return source === null ? null : { host: source.host, category: source.category, name: source.name };
}

/** The sources of the targets, in order (null: not trusted), in the bundled list or, with its patch, the list in use. */
export function matchTargets(targets: readonly string[], patch: string | null = null): MatchResponse {
  const matcher = matcherFor(patch);
  return targets.map((target) => toMatched(matcher.match(target)));
}

export function matchUrl(url: string, patch: string | null = null): MatchedSource | null {
  return matchTargets([url], patch)[0];
}
