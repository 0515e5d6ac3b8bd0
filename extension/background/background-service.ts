/**
 * The background: keeps the list in use up to date from the signed channel (list-updates.ts),
 * answers the popup about the current site and the list, keeps the toolbar icon in step with it,
 * and tells result pages whether the stored state differs from what is compiled in
 * (settings-signal.ts). Its only network requests are the channel's (manifest, snapshot, deltas).
 */
import channel from 'virtual:sdc-bundled-list/channel';
import browser from 'webextension-polyfill';
import { BUNDLED_SNAPSHOT_FILE } from '../list/bundled-snapshot-file.ts';
import { BUNDLED_META } from '../list/current-list.ts';
import { ListUpdates } from '../list/list-updates.ts';
import { matchTargets } from '../matching/list-matching.ts';
import { parseRequest } from '../matching/messages.ts';
import { followManagedPolicy, keptPolicy } from '../settings/managed-storage.ts';
import { followPauseTimer } from '../settings/pause-timer.ts';
import { followStoredStateForResultPages, raiseResultPagesFlag } from '../settings/settings-signal.ts';
import { storedAtStart } from './startup-reads.ts';
import { BUNDLED_COMPACT } from '../list/bundled-compact.ts';
import { followTabs } from './toolbar-state.ts';

/** A file packaged with the extension, as text. */
async function packagedText(path: string): Promise<string> {
  return (await fetch(browser.runtime.getURL(`/${path}`))).text();
}

export function startBackground(): void {
  const policyReady = followManagedPolicy();
  const updates = new ListUpdates({
    // The policy's channel and keys, where it gives them, instead of the built-in ones.
    channel: async () => {
      await policyReady;
      const policy = await keptPolicy();
      return { mirrors: policy.listChannels ?? channel.mirrors, pinnedKeys: policy.pinnedKeys ?? channel.pinnedKeys, intervalMinutes: policy.updateIntervalMinutes };
    },
    bundled: { meta: BUNDLED_META, compact: BUNDLED_COMPACT, snapshot: () => packagedText(BUNDLED_SNAPSHOT_FILE) },
    storedAtStart,
    clientVersion: browser.runtime.getManifest().version,
    beforeListChange: raiseResultPagesFlag,
    builtMatches: (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []),
  });

  // A badge's « Qu'est-ce que c'est ? », clicked in a result page: the only thing a content script
  // asks, and it opens nothing but the extension's own explanation page.
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || sender.tab === undefined || (message as { type?: unknown } | null)?.type !== 'open-about') return undefined;
    return browser.tabs.create({ url: browser.runtime.getURL('/about.html'), index: sender.tab.index + 1 }).then(() => true);
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    // Only this extension's own pages may ask: not a web page (it cannot reach runtime.onMessage,
    // but be explicit), not a content script (whose sender URL is the result page's).
    if (sender.id !== browser.runtime.id || !(sender.url ?? '').startsWith(browser.runtime.getURL('/'))) return undefined;
    const request = parseRequest(message);
    if (request === null) return undefined;
    switch (request.type) {
      case 'match':
        return updates.whenReady().then(() => matchTargets(request.targets, updates.matchingList()));
      case 'list-status':
        return updates.status();
      case 'update-list':
        return updates.check();
    }
  });

  followTabs((url) => updates.whenReady().then(() => matchTargets([url], updates.matchingList())[0]));
  // Once the list is ready (the scripts registered last time hold until then, across browser starts): its reads go first.
  void updates.whenReady().then(followStoredStateForResultPages);
  followPauseTimer();
  void updates.start();
}
