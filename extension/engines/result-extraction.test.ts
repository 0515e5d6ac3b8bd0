import { describe, expect, it } from 'vitest';
import { BING, ENGINES, GOOGLE, QWANT, QWANT_LITE, engineForPage } from './engines.ts';
import { extractResults } from './result-extraction.ts';
import { organicTargets, parsePage, readSavedPage, SAVED_PAGES } from './saved-page.ts';

const PAGE_URLS: Record<string, string> = {
  google: 'https://www.google.fr/search?q=test',
  bing: 'https://www.bing.com/search?q=test',
  qwant: 'https://www.qwant.com/?q=test&t=web',
  duckduckgo: 'https://html.duckduckgo.com/html/?q=test',
  ecosia: 'https://www.ecosia.org/search?q=test',
};

describe('organic results of the real saved pages', () => {
  it('covers every saved Google, Bing, Qwant, DuckDuckGo and Ecosia page', () => {
    expect(SAVED_PAGES.filter((name) => name.startsWith('google'))).toHaveLength(10);
    expect(SAVED_PAGES.filter((name) => name.startsWith('bing'))).toHaveLength(8);
    expect(SAVED_PAGES.filter((name) => name.startsWith('qwant'))).toHaveLength(4);
    expect(SAVED_PAGES.filter((name) => name.startsWith('duckduckgo'))).toHaveLength(1);
    expect(SAVED_PAGES.filter((name) => name.startsWith('ecosia'))).toHaveLength(2);
  });

  for (const name of SAVED_PAGES) {
    it(`finds every organic target of ${name} in order, redirects decoded, no ad or engine link`, () => {
      const engineId = name.slice(0, name.indexOf('-'));
      const pageUrl = PAGE_URLS[engineId];
      const record = engineForPage(pageUrl);
      expect(record?.engine).toBe(engineId);
      const results = extractResults(parsePage(readSavedPage(name)), record!, pageUrl);
      expect(results.map((result) => result.target)).toEqual(organicTargets(name));
      for (const result of results) {
        expect(result.block.contains(result.link)).toBe(true);
        expect(new URL(result.target).hostname).not.toMatch(/^(www\.|html\.)?(bing\.com|qwant\.com|duckduckgo\.com|ecosia\.org)$/);
      }
    });
  }
});

describe('engine knowledge', () => {
  it('finds Google results by their 2026 root alone (.Ww4FFb), once the older class names are gone (google-7 without them)', () => {
    const html = readSavedPage('google-7.html').replace(/class="([^"]*\bWw4FFb\b[^"]*)"/g, (_whole, classes: string) => `class="${classes.replace(/\b(?:tF2Cxc|vt6azd)\b/g, '')}"`);
    const document = parsePage(html);
    expect(document.querySelectorAll('.tF2Cxc, .vt6azd').length).toBe(0);
    const targets = extractResults(document, GOOGLE, PAGE_URLS.google).map((result) => result.target);
    expect(targets).toEqual(organicTargets('google-7.html'));
  });

  it('decodes Bing ck/a links (bing-7) rather than taking bing.com as the target', () => {
    const html = readSavedPage('bing-7.html');
    expect(html).toContain('/ck/a?!&amp;&amp;p=');
    const targets = extractResults(parsePage(html), BING, PAGE_URLS.bing).map((result) => result.target);
    expect(targets[0]).toBe('https://www.sleepfoundation.org/nutrition/caffeine-and-sleep');
  });

  it('decodes Google /url?q= links with their percent-encoded query (google-4)', () => {
    const results = extractResults(parsePage(readSavedPage('google-4.html')), GOOGLE, 'https://www.google.com/search?q=x');
    expect(results[0].link.getAttribute('href')).toMatch(/^\/url\?q=https:\/\/lflp-lagos\.com\/%3Flang%3Dfr&/);
    expect(results[0].target).toBe('https://lflp-lagos.com/?lang=fr');
  });

  it('leaves out top ads even when they point at a site that is also organic (google-6 domains.google)', () => {
    const document = parsePage(readSavedPage('google-6.html'));
    const adLinks = [...document.querySelectorAll('#tads a[href]')].map((a) => a.getAttribute('href'));
    expect(adLinks.some((href) => href?.includes('domains.google'))).toBe(true);
    const targets = extractResults(document, GOOGLE, PAGE_URLS.google).map((result) => result.target);
    expect(targets.filter((target) => target.startsWith('https://domains.google/'))).toEqual(['https://domains.google/']);
  });

  it('leaves out Qwant ads, which point through bing.com/aclick (qwant-3)', () => {
    const document = parsePage(readSavedPage('qwant-3.html'));
    expect(document.querySelectorAll('[data-testid="adResult"]').length).toBeGreaterThan(0);
    for (const result of extractResults(document, QWANT, PAGE_URLS.qwant)) {
      expect(result.block.closest('[data-testid="adResult"]')).toBeNull();
    }
  });

  it('reads a Qwant Lite page: articles in a section, ads labelled by a tooltip', () => {
    const document = parsePage(`<main><section>
      <article><span class="tooltip">Annonce</span><h2><a href="https://www.service-public.fr/pub">Publicité</a></h2></article>
      <article><h2><a href="https://www.service-public.fr/particuliers/vosdroits/F1234">Carte d'identité</a></h2><span class="url partner">service-public.fr</span><p>…</p></article>
      <article><h2><a href="/?q=autre">Recherche associée</a></h2></article>
      <article><h2><a href="https://fr.wikipedia.org/wiki/Carte">Carte</a></h2></article>
    </section></main>`);
    const pageUrl = 'https://lite.qwant.com/?q=carte';
    expect(engineForPage(pageUrl)).toBe(QWANT_LITE);
    expect(extractResults(document, QWANT_LITE, pageUrl).map((result) => result.target)).toEqual([
      'https://www.service-public.fr/particuliers/vosdroits/F1234',
      'https://fr.wikipedia.org/wiki/Carte',
    ]);
  });

  it('knows which pages are result pages', () => {
    expect(engineForPage('https://www.google.be/search?q=x')).toBe(GOOGLE);
    expect(engineForPage('https://www.google.fr/maps')).toBeNull();
    expect(engineForPage('https://www.bing.com/search?q=x')).toBe(BING);
    expect(engineForPage('https://www.bing.com/images/search?q=x')).toBeNull();
    expect(engineForPage('https://www.qwant.com/?q=x')).toBe(QWANT);
    expect(engineForPage('https://www.google.fr.example.net/search?q=x')).toBeNull();
    expect(engineForPage('not a url')).toBeNull();
  });

  it('gives every record an engine host list, and no two records the same host', () => {
    const hosts = ENGINES.flatMap((record) => record.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
  });
});
