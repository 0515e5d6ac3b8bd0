/**
 * What the extension knows about one search engine, as data (engine-definitions.json, checked by
 * engine-definitions-schema.ts): which pages are result pages, where the organic results are, and
 * how to read their targets. One generic extractor (result-extraction.ts) reads every record, so
 * that a layout change is a change of data — which can travel signed, like the list.
 * Selectors avoid `:has()`, which older browsers on public machines lack.
 */
/** The engines a user can switch on or off; one engine may have several records (Qwant and Qwant Lite). */
export type EngineId = 'google' | 'bing' | 'qwant' | 'duckduckgo' | 'ecosia';

export const ENGINE_IDS: readonly EngineId[] = ['google', 'bing', 'qwant', 'duckduckgo', 'ecosia'];

/**
 * How a redirect link's parameter holds the target: `plain` (the parameter is the URL, as Google's
 * `/url?q=` and DuckDuckGo's `/l/?uddg=`), `bing-a1-base64url` (Bing's `u=a1<base64url of the URL>`).
 */
export const REDIRECT_DECODERS = ['plain', 'bing-a1-base64url'] as const;
export type RedirectDecoder = (typeof REDIRECT_DECODERS)[number];

/** An engine's redirect or tracking link: a link on one of the engine's hosts, at `path`, whose target is in the query parameter `param`. */
export interface RedirectRule {
  path: string;
  param: string;
  decoder: RedirectDecoder;
}

export interface EngineRecord {
  /** Names the record in tests and diagnostics. */
  id: string;
  /** The engine this record belongs to, for the per-engine switch. */
  engine: EngineId;
  /** Why the selectors are what they are, and which saved page needs each (for the people who maintain them). */
  notes?: readonly string[];
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
   * The engine's own services beside `hosts`: `bing.com` (it and every subdomain), `maps.google.*`
   * (that name under any country's domain). A direct link there is the engine's, never a result
   * (its redirect links are decoded by `redirects`).
   */
  ownHosts: readonly string[];
  /** Where the engine puts its own redirect links (Google `/url?q=`, Bing `/ck/a?u=`). */
  redirects: readonly RedirectRule[];
}

/** A file of engine definitions: bundled with the extension, or published with the list. */
export interface EngineDefinitions {
  format: typeof ENGINE_DEFINITIONS_FORMAT;
  engines: readonly EngineRecord[];
}

export const ENGINE_DEFINITIONS_FORMAT = 'sdc-engines/1';
