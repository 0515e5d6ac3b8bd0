/**
 * The matcher, held by the background: built once from the current list when first needed (a
 * result page starting to load asks for it), then a few probes per target.
 */
import { loadMatcher, type Matcher } from '../../corpus/matcher.ts';
import type { MatchedSource } from './messages.ts';

export interface MatchService {
  /** Starts building the matcher if it is not built yet. */
  warmUp(): Promise<void>;
  matchTargets(targets: readonly string[]): Promise<(MatchedSource | null)[]>;
  matchUrl(url: string): Promise<MatchedSource | null>;
}

export function createMatchService(readListText: () => Promise<string>): MatchService {
  let matcher: Promise<Matcher> | null = null;
  const ready = () => {
    matcher ??= readListText().then((text) => {
      const loaded = loadMatcher(text);
      // The list is built and checked before it ships: a bad line is reported, and never matches.
      if (loaded.errors.length > 0) console.warn(`Sources de confiance: ${loaded.errors.length} unreadable list lines`, loaded.errors.slice(0, 5));
      return loaded.matcher;
    });
    // A failed read is retried on the next request rather than remembered.
    matcher.catch(() => {
      matcher = null;
    });
    return matcher;
  };
  const toMatched = (source: ReturnType<Matcher['match']>): MatchedSource | null =>
    source === null ? null : { host: source.host, category: source.category, name: source.name };
  return {
    async warmUp() {
      await ready();
    },
    async matchTargets(targets) {
      const current = await ready();
      return targets.map((target) => toMatched(current.match(target)));
    },
    async matchUrl(url) {
      return toMatched((await ready()).match(url));
    },
  };
}
