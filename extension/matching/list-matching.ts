/**
 * Matching in the extension, in whichever script asks (a result page's content script, the
 * background): a compact list searched in place, with nothing to build, so that a result page gets
 * its badges in the very task where its results are parsed. The list is the bundled one unless
 * another is given (a newer signed version from storage).
 */
import { compactMatcher } from '../../corpus/matching/compact-matcher.ts';
import type { Matcher } from '../../corpus/matching/rule-matcher.ts';
import type { Source } from '../../corpus/source.ts';
import { BUNDLED_LIST } from '../list/current-list.ts';
import type { MatchedSource, MatchResponse } from './messages.ts';

let cached: { compact: string; matcher: Matcher } | undefined;

/** The matcher over a compact list (kept for the last list asked: switching lists is rare). */
function matcherFor(compact: string): Matcher {
  if (cached?.compact !== compact) cached = { compact, matcher: compactMatcher(compact) };
  return cached.matcher;
}

function toMatched(source: Source | null): MatchedSource | null {
  return source === null ? null : { host: source.host, category: source.category, name: source.name };
}

/** The sources of the targets, in order (null: not trusted), in `compact` (the bundled list by default). */
export function matchTargets(targets: readonly string[], compact: string = BUNDLED_LIST.compact): MatchResponse {
  const matcher = matcherFor(compact);
  return targets.map((target) => toMatched(matcher.match(target)));
}

export function matchUrl(url: string, compact?: string): MatchedSource | null {
  return matchTargets([url], compact)[0];
}
