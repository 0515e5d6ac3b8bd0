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

/**
 * Serializable, run in the page before it is parsed: records, in `window.sdcDrawnBadges`, the
 * density of every badge at the moment it is inserted ("badge standard", "badge compact"…; its
 * light or dark theme left out), so that
 * a badge drawn and then withdrawn or redrawn is seen. Anonymous functions only (bundler helpers
 * do not exist in the page).
 */
export function recordDrawnBadges(): void {
  const drawn: string[] = [];
  (window as unknown as { sdcDrawnBadges: string[] }).sdcDrawnBadges = drawn;
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === 1 && (node as Element).hasAttribute('data-sdc-source')) {
          drawn.push(((node as Element).shadowRoot?.querySelector('.badge')?.className ?? 'unreadable').replace(/ (?:light|dark)$/, ''));
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

/** Serializable: what `recordDrawnBadges` saw. */
export function drawnBadges(): string[] {
  return (window as unknown as { sdcDrawnBadges?: string[] }).sdcDrawnBadges ?? ['recorder missing'];
}

/** A result page as the settings check drives it, in either browser; it records the badges drawn (`recordDrawnBadges`). */
export interface RecordedResultPage {
  reload(): Promise<void>;
  drawnBadges(): Promise<string[]>;
  /** Waits for `count` badges, then a little longer; gives their sources. */
  settledBadges(count: number): Promise<string[]>;
  close(): Promise<void>;
}

/** The extension's side, in either browser: its stored settings, and whether the settings flag script is registered. */
export interface SettingsControl {
  store(settings: Record<string, unknown> | null): Promise<void>;
  flagRegistered(): Promise<boolean>;
}

/**
 * With the default settings a result page draws its badges at once; once the stored settings differ
 * (the flag script registered), a page loaded while paused never draws a badge, not even briefly
 * (and marks when marking resumes), and one loaded with another density draws every badge with it
 * from the first; back to the defaults, the flag goes. `expected`: the page's trusted hosts.
 */
export async function expectBadgesDrawnAsTheSettingsSay(open: () => Promise<RecordedResultPage>, control: SettingsControl, expected: string[]): Promise<void> {
  await expect.poll(control.flagRegistered).toBe(false);
  const tab = await open();
  expect(await tab.settledBadges(expected.length)).toEqual(expected);
  expect(await tab.drawnBadges()).toEqual(expected.map(() => 'badge standard'));

  await control.store({ paused: true });
  await expect.poll(control.flagRegistered).toBe(true);
  await tab.reload();
  // No waiting for "nothing" to happen: the page asked for its settings (paused) before this
  // change, so marking resumes with it, compact; a badge drawn while paused would be recorded
  // before these, as a standard one.
  await control.store({ density: 'compact' });
  expect(await tab.settledBadges(expected.length)).toEqual(expected);
  expect(await tab.drawnBadges()).toEqual(expected.map(() => 'badge compact'));

  await control.store({ density: 'compact' });
  await tab.reload();
  expect(await tab.settledBadges(expected.length)).toEqual(expected);
  expect(await tab.drawnBadges()).toEqual(expected.map(() => 'badge compact'));

  await control.store(null);
  await expect.poll(control.flagRegistered).toBe(false);
  await tab.close();
}
