/**
 * What a check concludes. `failing` (the site did not answer this time) and `disallowed` (robots.txt
 * forbids the home page) are recorded but never shown to curators; the others are findings
 * (`isFinding`), each with the evidence it was decided from.
 */
import type { Status } from '../../corpus/source.ts';

export const CRAWL_OUTCOMES = ['ok', 'candidate', 'moved', 'redirected', 'unreachable', 'suspicious', 'failing', 'disallowed'] as const;
export type CrawlOutcome = (typeof CRAWL_OUTCOMES)[number];

export function isCrawlOutcome(value: string): value is CrawlOutcome {
  return (CRAWL_OUTCOMES as readonly string[]).includes(value);
}

/** A curator has to look: anything but a plain `ok` of an active source, a single failure, or a robots refusal. */
export function isFinding(outcome: CrawlOutcome, status: Status): boolean {
  if (outcome === 'failing' || outcome === 'disallowed') return false;
  return !(outcome === 'ok' && status === 'active');
}

/** A suggested edit of the source (a moved site): the new hostname. */
export interface CrawlSuggestion {
  host: string;
}
