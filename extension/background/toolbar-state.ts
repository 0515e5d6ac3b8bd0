/**
 * The toolbar icon says, for each tab, whether the site open in it is a trusted source: a ✓ on
 * the icon and the source in its tooltip. Read from the tab's URL, matched locally.
 */
import browser from 'webextension-polyfill';
import { describeSource, text, uiLanguage } from '../i18n/ui-text.ts';
import type { MatchedSource } from '../matching/messages.ts';

// MV3 (Chrome) has `action`; Firefox's MV2 build has `browserAction`, the same calls.
const action = browser.action ?? browser.browserAction;

const TRUSTED_BADGE_COLOR = '#18753c';

/** The source of a URL in the list in use. */
export type SourceOf = (url: string) => Promise<MatchedSource | null>;

export async function showTabState(tabId: number, url: string | undefined, sourceOf: SourceOf): Promise<void> {
  const source = url === undefined ? null : await sourceOf(url);
  if (source === null) {
    await Promise.all([action.setBadgeText({ tabId, text: '' }), action.setTitle({ tabId, title: text('toolbarDefault') })]);
    return;
  }
  const description = describeSource(source, uiLanguage());
  await Promise.all([
    action.setBadgeText({ tabId, text: '✓' }),
    action.setBadgeBackgroundColor({ tabId, color: TRUSTED_BADGE_COLOR }),
    action.setTitle({ tabId, title: text('toolbarTrusted', [description.article, description.organisation]) }),
  ]);
}

/** Keeps every tab's icon in step with the site it shows. */
export function followTabs(sourceOf: SourceOf): void {
  const update = (tabId: number, url: string | undefined) => {
    // A tab closed in between cannot take a badge: nothing to do.
    showTabState(tabId, url, sourceOf).catch(() => {});
  };
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'loading') update(tabId, tab.url);
  });
  browser.tabs.onActivated.addListener(({ tabId }) => {
    browser.tabs.get(tabId).then((tab) => update(tabId, tab.url), () => {});
  });
}
