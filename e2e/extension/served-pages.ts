/**
 * The result pages the end-to-end tests serve at the engines' real URLs, made from the real saved
 * pages (extension/engines/fixtures):
 * - made self-contained: scripts, stylesheets, images and frames removed, so that the page itself
 *   requests nothing and any other request would come from the extension;
 * - "trusted" variants: some organic targets moved to hosts of the list (in every link, Bing's
 *   base64 redirects and displayed URLs), and ads pointed at trusted hosts too, so that marking
 *   exactly the organic trusted results — and never an ad — is really tested.
 * Expected badges are written in each recipe, and checked against ground_truth.json's organic
 * results, moved the same way and matched through the corpus.
 */
import { clientSources, serializeCorpusText } from '../../corpus/corpus-text.ts';
import { loadMatcher } from '../../corpus/matcher.ts';
import { readSeedCorpus } from '../../corpus/node/seed-corpus-file.ts';
import { organicTargets, parsePage, readSavedPage } from '../../extension/engines/saved-page.ts';

const { matcher } = loadMatcher(serializeCorpusText(clientSources(readSeedCorpus().sources)));

export interface ServedPage {
  name: string;
  url: string;
  html: string;
  /** The hosts of the sources the page's trusted organic results belong to, in page order. */
  expectedSources: string[];
  /** The same page's trusted hosts that only ads or other non-organic blocks point at. */
  trustedElsewhere: string[];
}

interface PageRecipe {
  saved: string;
  url: string;
  /** Original hostname → hostname of a trusted source. */
  hosts?: Record<string, string>;
  /** Literal rewrites (ads' redirect links made direct links to trusted hosts). */
  replace?: [string, string][];
  /** Trusted hosts that ads or other non-organic blocks now point at. */
  trustedElsewhere?: string[];
  /**
   * The badges the page must get, written by hand: the oracle the matcher's answer is checked
   * against, so that a corpus or matcher change cannot quietly shrink what the tests expect.
   */
  expected: [string, ...string[]];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function replaceHosts(text: string, hosts: Record<string, string>): string {
  let result = text;
  for (const [from, to] of Object.entries(hosts)) {
    result = result.replace(new RegExp(`(?<![a-z0-9.-])${escapeRegExp(from)}(?![a-z0-9-])`, 'g'), to);
  }
  return result;
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Bing's `u=a1<base64url>` redirect targets, with their hosts moved too. */
function replaceBingTargets(html: string, hosts: Record<string, string>): string {
  return html.replace(/([?&;]u=)a1([A-Za-z0-9_-]+)/g, (_whole, prefix: string, encoded: string) => {
    const target = Buffer.from(encoded, 'base64url').toString('utf8');
    return `${prefix}a1${base64url(replaceHosts(target, hosts))}`;
  });
}

/** The page without anything that would make the browser fetch: only the document itself is requested. */
function selfContained(html: string): string {
  const document = parsePage(html);
  for (const element of document.querySelectorAll('script, link, iframe, frame, object, embed, meta[http-equiv], base')) element.remove();
  for (const element of document.querySelectorAll('[src], [srcset], [poster], [background]')) {
    for (const attribute of ['src', 'srcset', 'poster', 'background']) element.removeAttribute(attribute);
  }
  for (const element of document.querySelectorAll('[style]')) {
    if (/url\(/i.test(element.getAttribute('style') ?? '')) element.removeAttribute('style');
  }
  for (const style of document.querySelectorAll('style')) {
    style.textContent = (style.textContent ?? '').replace(/@import[^;]*;/gi, '').replace(/url\([^)]*\)/gi, 'none');
  }
  return `<!doctype html>\n${document.documentElement.outerHTML}`;
}

function servedPage(name: string, recipe: PageRecipe): ServedPage {
  const hosts = recipe.hosts ?? {};
  let html = replaceHosts(replaceBingTargets(readSavedPage(recipe.saved), hosts), hosts);
  for (const [from, to] of recipe.replace ?? []) html = html.split(from).join(to);
  const matched = organicTargets(recipe.saved)
    .map((target) => matcher.match(replaceHosts(target, hosts))?.host)
    .filter((host): host is string => host !== undefined);
  if (recipe.expected.length === 0 || matched.join(' ') !== recipe.expected.join(' ')) {
    throw new Error(`served page ${name}: its organic results match [${matched.join(', ')}] in the list, the recipe expects [${recipe.expected.join(', ')}]`);
  }
  return { name, url: recipe.url, html: selfContained(html), expectedSources: [...recipe.expected], trustedElsewhere: recipe.trustedElsewhere ?? [] };
}

const RECIPES: Record<string, PageRecipe> = {
  // Google 2025: "Sponsored products" carousel whose li-fire.com also is organic #6.
  'google-trusted': {
    saved: 'google-7.html',
    url: 'https://www.google.fr/search?q=couverture+anti-feu+vehicule',
    expected: ['service-public.fr', 'ain.gouv.fr', 'paris.fr', 'ac-lyon.fr'],
    hosts: {
      'brimstonefireprotection.com': 'www.service-public.fr',
      'www.usfa.fema.gov': 'www.ain.gouv.fr',
      'li-fire.com': 'www.paris.fr',
      'fsri.org': 'www.ac-lyon.fr',
      'www.allhandsfire.com': 'www.isere.fr',
    },
    trustedElsewhere: ['isere.fr'],
  },
  // Google 2019: three text ads in #tads with direct links, people also ask, knowledge panel;
  // the first trusted result is the fifth.
  'google-ads': {
    saved: 'google-2.html',
    url: 'https://www.google.com/search?q=test+keyword',
    expected: ['caf.fr', 'univ-lyon1.fr'],
    hosts: { 'www.semrush.com': 'www.ameli.fr', 'kwfinder.com': 'www.caf.fr', 'www.guru99.com': 'www.univ-lyon1.fr' },
    trustedElsewhere: ['ameli.fr'],
  },
  // Google without JavaScript: every result behind a /url?q= redirect.
  'google-redirects': {
    saved: 'google-4.html',
    url: 'https://www.google.ch/search?q=lycee',
    expected: ['lyon.fr', 'auvergnerhonealpes.fr'],
    hosts: { 'lflp-lagos.com': 'www.lyon.fr', 'www.pinterest.com': 'www.auvergnerhonealpes.fr' },
  },
  // Google 2025 results, served as the "more results" of google-trusted.
  'google-more': {
    saved: 'google-10.html',
    url: 'https://www.google.fr/search?q=outils&start=10',
    expected: ['bordeaux.fr', 'aphp.fr'],
    hosts: { 'www.synthesia.io': 'www.bordeaux.fr', 'zapier.com': 'www.aphp.fr' },
  },
  // Bing 2026: every result behind ck/a?u=a1<base64url>.
  'bing-trusted': {
    saved: 'bing-7.html',
    url: 'https://www.bing.com/search?q=cafeine+sommeil',
    expected: ['ameli.fr', 'chu-lyon.fr', 'sorbonne-universite.fr'],
    hosts: { 'www.sleepfoundation.org': 'www.ameli.fr', 'pmc.ncbi.nlm.nih.gov': 'www.chu-lyon.fr', 'academic.oup.com': 'www.sorbonne-universite.fr' },
  },
  // Bing 2019, ads at the top and bottom: their aclick links made direct links to a trusted host.
  'bing-ads': {
    saved: 'bing-2.html',
    url: 'https://www.bing.com/search?q=test+keyword',
    expected: ['legifrance.gouv.fr', 'legifrance.gouv.fr', 'impots.gouv.fr'],
    hosts: { 'support.smartbear.com': 'www.legifrance.gouv.fr', 'keywordtool.io': 'www.impots.gouv.fr' },
    replace: [['href="https://www.bing.com/aclick?', 'href="https://www.grandlyon.com/annonce?']],
    trustedElsewhere: ['grandlyon.com'],
  },
  // DuckDuckGo's script-free version, 2026: every result behind //duckduckgo.com/l/?uddg=<percent-encoded target>.
  'duckduckgo-trusted': {
    saved: 'duckduckgo-1.html',
    url: 'https://html.duckduckgo.com/html/?q=cafeine+sommeil',
    expected: ['ameli.fr', 'chu-lyon.fr'],
    hosts: { 'www.sleepfoundation.org': 'www.ameli.fr', 'pmc.ncbi.nlm.nih.gov': 'www.chu-lyon.fr' },
  },
  // Ecosia 2025, as served; its two ad slots are empty.
  'ecosia-trusted': {
    saved: 'ecosia-2.html',
    url: 'https://www.ecosia.org/search?q=asdasd',
    expected: ['service-public.fr', 'paris.fr'],
    hosts: { 'open.spotify.com': 'www.service-public.fr', 'www.shazam.com': 'www.paris.fr' },
  },
  // Qwant (SSR of the single-page app) as saved: cnam.fr ×2 and a gouv.fr agency.
  'qwant-saved': {
    saved: 'qwant-1.html',
    url: 'https://www.qwant.com/?q=Administrateur+g%C3%A9n%C3%A9ral+du+Cnam&t=all',
    expected: ['cnam.fr', 'agence-cohesion-territoires.gouv.fr', 'cnam.fr'],
  },
  // Qwant with text ads (their bing.com/aclick links made direct links to a trusted host).
  'qwant-ads': {
    saved: 'qwant-3.html',
    url: 'https://www.qwant.com/?q=great+falls+gun+club&t=web',
    expected: ['marseille.fr', 'marseille.fr', 'bordeaux.fr'],
    hosts: { 'gfssc.org': 'www.marseille.fr', 'www.yelp.com': 'www.bordeaux.fr' },
    replace: [['href="https://www.bing.com/aclick?', 'href="https://www.strasbourg.eu/annonce?']],
    trustedElsewhere: ['strasbourg.eu'],
  },
};

export type ServedPageName = keyof typeof RECIPES;

const built = new Map<string, ServedPage>();

export function page(name: ServedPageName): ServedPage {
  let served = built.get(name);
  if (served === undefined) {
    served = servedPage(name, RECIPES[name]);
    built.set(name, served);
  }
  return served;
}

/** The HTML inside an element of a served page (results to insert later, as an engine's script would). */
export function innerHtmlOf(name: ServedPageName, selector: string): string {
  const element = parsePage(page(name).html).querySelector(selector);
  if (element === null) throw new Error(`${selector} not found in ${name}`);
  return element.innerHTML;
}
