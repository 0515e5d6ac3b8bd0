/**
 * The toolbar icon says, for each tab, whether the site open in it is a trusted source: a ✓ on
 * the icon and the source in its tooltip, read from the tab's URL, matched locally; and, on every
 * tab, when marking is paused (a public computer's next user must see it).
 */
import browser from 'webextension-polyfill';
import { describeSource, text, uiLanguage } from '../i18n/ui-text.ts';
import type { MatchedSource } from '../matching/messages.ts';
import { onSettingsChanged, readSettings } from '../settings/settings.ts';

// MV3 (Chrome) has `action`; Firefox's MV2 build has `browserAction`, the same calls.
const action = browser.action ?? browser.browserAction;

const TRUSTED_BADGE_COLOR = '#18753c';
const PAUSED_BADGE_COLOR = '#6a6a6a';

/** The source of a URL in the list in use. */
export type SourceOf = (url: string) => Promise<MatchedSource | null>;

export async function showTabState(tabId: number, url: string | undefined, sourceOf: SourceOf): Promise<void> {
  if ((await readSettings()).paused) {
    await Promise.all([
      action.setBadgeText({ tabId, text: 'II' }),
      action.setBadgeBackgroundColor({ tabId, color: PAUSED_BADGE_COLOR }),
      action.setTitle({ tabId, title: text('toolbarPaused') }),
    ]);
    return;
  }
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

/** Keeps every tab's icon in step with the site it shows, and all of them with the pause. */
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
  onSettingsChanged(() => {
    browser.tabs.query({}).then((tabs) => tabs.forEach((tab) => tab.id !== undefined && update(tab.id, tab.url)), () => {});
  });
}
