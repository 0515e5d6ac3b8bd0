/**
 * What the extension knows about one search engine, as data: which pages are result pages, where
 * the organic results are, and how to read their targets. One generic extractor
 * (result-extraction.ts) reads every record, so that a layout change is a change of data here.
 * Selectors avoid `:has()`, which older browsers on public machines (Firefox ESR 115) lack.
 */
/** The engines a user can switch on or off; one engine may have several records (Qwant and Qwant Lite). */
export type EngineId = 'google' | 'bing' | 'qwant' | 'duckduckgo' | 'ecosia';

export const ENGINE_IDS: readonly EngineId[] = ['google', 'bing', 'qwant', 'duckduckgo', 'ecosia'];

/**
 * An engine's redirect or tracking link: when a link (resolved against the page) is on one of the
 * engine's hosts, at `path`, its real target is in the query parameter `param`.
 * `encoding: 'bing-a1-base64url'` is Bing's `u=a1<base64url of the target>`.
 */
export interface RedirectRule {
  path: string;
  param: string;
  encoding?: 'plain' | 'bing-a1-base64url';
}

export interface EngineRecord {
  /** Names the record in tests and diagnostics. */
  id: string;
  /** The engine this record belongs to, for the per-engine switch. */
  engine: EngineId;
  /** Hostnames that serve this engine's result pages (exact, lowercase). */
  hosts: readonly string[];
  /** Path prefixes of result pages on those hosts (`/` for a single-page app that changes its URL). */
  resultPaths: readonly string[];
  /** Every organic result block, in page order. */
  result: string;
  /** A block inside (or equal to) one of these, or whose link is inside one, is not organic: ads, "people also ask", panels, packs. */
  excludeWithin: readonly string[];
  /** A block containing one of these is not organic (an ad marked by a label inside it). */
  excludeContaining?: readonly string[];
  /** The result's main link, inside the block; the first match is taken. */
  link: string;
  /**
   * Hostnames of the engine's own services beside `hosts`: a direct link there is the engine's,
   * never a result (its redirect links are decoded by `redirects`).
   */
  ownLinks: readonly RegExp[];
  /** Where the engine puts its own redirect links (Google `/url?q=`, Bing `/ck/a?u=`). */
  redirects: readonly RedirectRule[];
  /** In the block, the element the badge is put before (default: the block's first child). */
  badgeBefore?: string;
  /** Where results are added later, to observe (default: the whole document body). */
  observe?: string;
}
