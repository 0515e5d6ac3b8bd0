/**
 * The background: holds the matcher for the content scripts and the popup, and keeps the toolbar
 * icon in step with the current site. It makes no network request.
 */
import browser from 'webextension-polyfill';
import { currentList } from '../list/current-list.ts';
import { createMatchService } from '../matching/match-service.ts';
import { parseRequest } from '../matching/messages.ts';
import { followTabs } from './toolbar-state.ts';

export function startBackground(): void {
  const matching = createMatchService(async () => (await currentList()).text);

  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    // Only this extension's own scripts and pages may ask (a web page cannot reach runtime.onMessage, but be explicit).
    if (sender.id !== browser.runtime.id) return undefined;
    const request = parseRequest(message);
    if (request === null) return undefined;
    if (request.type === 'warm-up') return matching.warmUp().then(() => true);
    return matching.matchTargets(request.targets);
  });

  followTabs(matching);
}
