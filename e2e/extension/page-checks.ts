/** What the end-to-end tests look at in a result page, the same in Chromium and Firefox (run in the page). */
import { expect } from 'vitest';

/** Regions where a badge must never be: ads and sponsored blocks of the three engines. */
export const AD_REGIONS = '#tads, #tadsb, #bottomads, #atvcap, .b_ad, [data-testid="adResult"]';

export interface BadgeReport {
  /** `data-sdc-source` of each badge, in document order. */
  sources: string[];
  /** Badges found inside an ad region. */
  inAds: number;
  /** Links in the page (ads included) that point at each of these hosts. */
  linksTo: Record<string, number>;
}

/** Serializable function evaluated in the page: `[adRegions, hosts]` → BadgeReport. */
export function reportBadges([adRegions, hosts]: [string, string[]]): BadgeReport {
  const badges = [...document.querySelectorAll('[data-sdc-source]')];
  const links = [...document.querySelectorAll('a[href]')].map((link) => link.getAttribute('href') ?? '');
  return {
    sources: badges.map((badge) => badge.getAttribute('data-sdc-source') ?? ''),
    inAds: badges.filter((badge) => badge.closest(adRegions) !== null).length,
    linksTo: Object.fromEntries(hosts.map((host) => [host, links.filter((href) => href.includes(host)).length])),
  };
}

/**
 * No badge in an ad region; and the ads and other blocks that really point at trusted hosts
 * (`trustedElsewhere`) are in the page and still carry no badge. Runs in the test, on a report.
 */
export function expectNoBadgeOutsideOrganicResults(report: BadgeReport, trustedElsewhere: readonly string[]): void {
  expect(report.inAds).toBe(0);
  for (const host of trustedElsewhere) {
    expect(report.linksTo[host]).toBeGreaterThan(0);
    expect(report.sources).not.toContain(host);
  }
}

/** Serializable: the number of badges now in the page. */
export function badgeCount(): number {
  return document.querySelectorAll('[data-sdc-source]').length;
}

/**
 * Serializable: the first badge's button and panel, as a keyboard and screen-reader user meets
 * them. The name is the button's text without the decorative glyph (the badge sets no aria-label).
 */
export function firstBadgeState(): { name: string; label: string; expanded: string; details: string; detailsShown: boolean } | null {
  const root = document.querySelector('[data-sdc-source]')?.shadowRoot;
  const button = root?.querySelector('button');
  const details = root?.getElementById(button?.getAttribute('aria-controls') ?? '');
  if (root === undefined || root === null || button === null || button === undefined || details === null || details === undefined) return null;
  return {
    name: [...button.children]
      .filter((child) => child.getAttribute('aria-hidden') !== 'true')
      .map((child) => child.textContent ?? '')
      .join(''),
    label: button.querySelector('.label')?.textContent ?? '',
    expanded: button.getAttribute('aria-expanded') ?? '',
    details: details.textContent ?? '',
    detailsShown: getComputedStyle(details).display !== 'none',
  };
}
