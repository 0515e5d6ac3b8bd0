/**
 * The background: answers the popup about the current site, keeps the toolbar icon in step with
 * it, and tells result pages whether the stored settings are the defaults (settings-signal.ts).
 * It makes no network request.
 */
import browser from 'webextension-polyfill';
import { matchTargets } from '../matching/list-matching.ts';
import { parseRequest } from '../matching/messages.ts';
import { followSettingsForResultPages } from '../settings/settings-signal.ts';
import { followTabs } from './toolbar-state.ts';

export function startBackground(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    // Only this extension's own pages may ask (a web page cannot reach runtime.onMessage, but be explicit).
    if (sender.id !== browser.runtime.id) return undefined;
    const request = parseRequest(message);
    if (request === null) return undefined;
    return Promise.resolve(matchTargets(request.targets));
  });

  followTabs();
  followSettingsForResultPages();
}
