/**
 * Matching in the extension, in whichever script asks (a result page's content script, the
 * background): the current compact list searched in place, with nothing to build, so that a
 * result page gets its badges in the very task where its results are parsed.
 */
import { compactMatcher, type Matcher } from '../../corpus/matcher.ts';
import type { Source } from '../../corpus/source.ts';
import { currentCompactList } from '../list/current-list.ts';
import type { MatchedSource, MatchResponse } from './messages.ts';

let matcher: Matcher | undefined;

function toMatched(source: Source | null): MatchedSource | null {
  return source === null ? null : { host: source.host, category: source.category, name: source.name };
}

/** The sources of the targets, in order (null: not trusted). */
export function matchTargets(targets: readonly string[]): MatchResponse {
  matcher ??= compactMatcher(currentCompactList());
  return targets.map((target) => toMatched(matcher!.match(target)));
}

export function matchUrl(url: string): MatchedSource | null {
  return matchTargets([url])[0];
}
