/**
 * What a home page says about itself, read with cheerio: title, language, description, canonical
 * link, a fingerprint of its text, and the words and links that signal a public body, a parking
 * page or a squatter's spam. Pure: HTML in, facts out.
 */
import * as cheerio from 'cheerio';
import { PARKING_PAGE_PATTERNS, SPAM_PAGE_PATTERNS } from './signal-lists.ts';
import { textFingerprint } from './text-fingerprint.ts';

export const PUBLIC_SIGNALS = ['legal-notice', 'siren', 'service-public-link', 'gouv-link'] as const;
export type PublicSignal = (typeof PUBLIC_SIGNALS)[number];

export interface PageFacts {
  title: string;
  lang: string;
  description: string;
  canonical: string | null;
  /** 16 hex digits (text-fingerprint.ts), or null for a page without text. */
  fingerprint: string | null;
  words: number;
  publicSignals: PublicSignal[];
  /** SIREN numbers the page shows (after « SIREN » or « SIRET »). */
  sirens: string[];
  parkingPatterns: string[];
  spamPatterns: string[];
}

/** Lowercase, no accents, single spaces: what the patterns are written against. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const LIMIT = 300;
const clip = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, LIMIT);

function hostOf(href: string, base: string): string | null {
  try {
    return new URL(href, base).hostname.toLowerCase();
  } catch {
    return null;
  }
}

export function pageFacts(html: string, pageUrl: string): PageFacts {
  const $ = cheerio.load(html);
  const title = clip($('title').first().text());
  const lang = clip($('html').attr('lang') ?? '').toLowerCase();
  const description = clip($('meta[name="description" i]').attr('content') ?? '');
  const canonicalHref = $('link[rel~="canonical" i]').attr('href');
  const canonical = canonicalHref === undefined ? null : (() => {
    try {
      return new URL(canonicalHref, pageUrl).href;
    } catch {
      return null;
    }
  })();

  const linkHosts = new Set<string>();
  let legalLink = false;
  $('a[href]').each((_, element) => {
    const href = $(element).attr('href') ?? '';
    const host = hostOf(href, pageUrl);
    if (host !== null) linkHosts.add(host);
    if (/mentions[-_ ]?legales/i.test(foldText(`${href} ${$(element).text()}`))) legalLink = true;
  });
  $('script, style, noscript, template, svg').remove();
  const text = foldText(`${$('title').text()} ${$('body').text()}`);

  const publicSignals: PublicSignal[] = [];
  if (legalLink || text.includes('mentions legales')) publicSignals.push('legal-notice');
  const sirens = [...new Set([...text.matchAll(/\b(?:siren|siret)\s*(?:n[°o]\s*)?:?\s*((?:\d\s?){9})/g)].map((match) => match[1].replace(/\s/g, '')))];
  if (sirens.length > 0) publicSignals.push('siren');
  const hosts = [...linkHosts];
  if (hosts.some((host) => host === 'service-public.fr' || host.endsWith('.service-public.fr'))) publicSignals.push('service-public-link');
  if (hosts.some((host) => host === 'gouv.fr' || host.endsWith('.gouv.fr'))) publicSignals.push('gouv-link');

  return {
    title,
    lang,
    description,
    canonical,
    fingerprint: textFingerprint(text),
    words: text === '' ? 0 : text.split(' ').length,
    publicSignals,
    sirens,
    parkingPatterns: PARKING_PAGE_PATTERNS.filter((pattern) => pattern.test(text)).map((pattern) => pattern.source),
    spamPatterns: SPAM_PAGE_PATTERNS.filter((pattern) => pattern.test(text)).map((pattern) => pattern.source),
  };
}
