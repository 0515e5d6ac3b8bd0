/**
 * The engines the extension marks, one declarative record each (see engine-record.ts).
 * Each selector names the saved page that needs it (extension/engines/fixtures, described in
 * ../shared/serp-fixtures/MANIFEST*.md) so that a layout change can be checked against real pages.
 */
import type { EngineRecord } from './engine-record.ts';

/** Google search domains used in France, Belgium, Switzerland, Luxembourg, Canada and overseas France. */
export const GOOGLE_HOSTS = [
  'www.google.fr',
  'www.google.com',
  'www.google.be',
  'www.google.ch',
  'www.google.lu',
  'www.google.ca',
  'www.google.gp', // Guadeloupe, Martinique, Saint-Martin, Saint-Barthélemy
  'www.google.gf', // Guyane
] as const;

export const GOOGLE: EngineRecord = {
  id: 'google',
  engine: 'google',
  hosts: GOOGLE_HOSTS,
  resultPaths: ['/search'],
  // .Ww4FFb: the result root public parsers read in 2026 (uBlacklist, June 2026); on the saved pages
  // it sits on the same element as .tF2Cxc and .vt6azd, which newer pages may drop.
  result: 'div.g, div.tF2Cxc, div.vt6azd, div.ZINbbc.xpd, .Ww4FFb',
  excludeWithin: [
    '#tads', // text ads, top (google-2, google-6)
    '#tadsb',
    '#bottomads',
    '#atvcap', // "Sponsored products" (google-7)
    '#rhs', // knowledge panel on the right (google-5, google-8, google-9)
    '.kno-kp', // people also ask, knowledge panels (google-2, google-3)
    '.related-question-pair', // people also ask
    'g-section-with-header', // top stories, video packs
    'video-voyager', // video carousel (google-5)
    'g-scrolling-carousel', // video and social carousels inside a result-like block (google-9, google-10)
  ],
  link: 'a[href]',
  // Direct links to Google's own services are not results (map cards in google-1, google-4).
  ownLinks: [/^(?:maps|www|translate|books|news|images|support|accounts|policies)\.google\.[a-z.]+$/, /^webcache\.googleusercontent\.com$/],
  redirects: [
    { path: '/url', param: 'q' },
    { path: '/url', param: 'url' },
  ],
};

export const BING: EngineRecord = {
  id: 'bing',
  engine: 'bing',
  hosts: ['www.bing.com'],
  resultPaths: ['/search'],
  result: '#b_results li.b_algo',
  excludeWithin: ['.b_ad', '.b_ans'],
  link: 'h2 a[href]',
  ownLinks: [/^(?:[a-z0-9-]+\.)*bing\.com$/],
  redirects: [{ path: '/ck/a', param: 'u', encoding: 'bing-a1-base64url' }],
};

/**
 * www.qwant.com is a single-page app: results are drawn by script, and the page changes its URL
 * without reloading. The saved pages (qwant-1…4, 2021-22) are its server-side render; the
 * `data-testid` and `domain` attributes have outlived its hashed CSS-module class names.
 */
export const QWANT: EngineRecord = {
  id: 'qwant',
  engine: 'qwant',
  hosts: ['www.qwant.com'],
  resultPaths: ['/'],
  result: '[data-testid="webResult"]',
  excludeWithin: ['[data-testid="adResult"]', '[data-testid="productAdsMicrosoft.container"]'],
  link: 'a[href]',
  ownLinks: [/^(?:[a-z0-9-]+\.)*qwant\.com$/],
  redirects: [],
};

/**
 * lite.qwant.com, the script-free version: one `section > article` per result, title link in
 * `h2 > a`, ads flagged by a `span.tooltip` label. Written from the markup other parsers read
 * (no saved page of it could be found), so it is tested on a page built to that description only.
 */
export const QWANT_LITE: EngineRecord = {
  id: 'qwant-lite',
  engine: 'qwant',
  hosts: ['lite.qwant.com'],
  resultPaths: ['/'],
  result: 'section > article',
  excludeWithin: [],
  excludeContaining: ['span.tooltip'],
  link: 'h2 a[href]',
  ownLinks: [/^(?:[a-z0-9-]+\.)*qwant\.com$/],
  redirects: [],
};

/**
 * DuckDuckGo's script-free version (html.duckduckgo.com/html/, also duckduckgo.com/html/), which
 * public computers with scripts restricted get: one `div.web-result` per result, every link behind
 * `//duckduckgo.com/l/?uddg=<percent-encoded target>` (duckduckgo-1, 2026). Its script version
 * (duckduckgo.com/?q=) is not marked: no saved page of it could be found to test against.
 */
export const DUCKDUCKGO: EngineRecord = {
  id: 'duckduckgo-html',
  engine: 'duckduckgo',
  hosts: ['html.duckduckgo.com', 'duckduckgo.com'],
  resultPaths: ['/html'],
  result: 'div.web-result',
  excludeWithin: ['.result--ad'],
  link: 'a.result__a[href]',
  ownLinks: [/^(?:[a-z0-9-]+\.)*duckduckgo\.com$/],
  redirects: [{ path: '/l/', param: 'uddg' }],
};

/**
 * Ecosia (www.ecosia.org/search): results rendered on the server, marked by `data-test-id`
 * attributes (ecosia-1, ecosia-2, 2025-26); the ad slots are empty containers filled by script,
 * left out all the same; each result's « learn more » and « report » links go to support pages.
 */
export const ECOSIA: EngineRecord = {
  id: 'ecosia',
  engine: 'ecosia',
  hosts: ['www.ecosia.org'],
  resultPaths: ['/search'],
  result: '[data-test-id="mainline-result-web"]',
  excludeWithin: ['[data-test-id="mainline-result-ad"]'],
  link: 'a[data-test-id="result-link"][href]',
  ownLinks: [/^(?:[a-z0-9-]+\.)*ecosia\.org$/],
  redirects: [],
};

export const ENGINES: readonly EngineRecord[] = [GOOGLE, BING, QWANT, QWANT_LITE, DUCKDUCKGO, ECOSIA];

/** The record that describes the result page at `url`, or null when it is not one. */
export function engineForPage(url: string): EngineRecord | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return (
    ENGINES.find(
      (record) => record.hosts.includes(parsed.hostname) && record.resultPaths.some((path) => parsed.pathname.startsWith(path)),
    ) ?? null
  );
}

/** The URL patterns of every result page, for the content script's declaration in the manifest. */
export function contentScriptMatches(): string[] {
  return ENGINES.flatMap((record) => record.hosts.flatMap((host) => record.resultPaths.map((path) => `*://${host}${path}*`)));
}
