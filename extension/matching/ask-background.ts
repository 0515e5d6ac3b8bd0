/** Asking the background for the sources of some targets, from a content script or an extension page. */
import browser from 'webextension-polyfill';
import { type MatchResponse, parseMatchResponse } from './messages.ts';

export async function askSources(targets: string[]): Promise<MatchResponse | null> {
  try {
    return parseMatchResponse(await browser.runtime.sendMessage({ type: 'match', targets }), targets.length);
  } catch {
    // The extension was reloaded or updated under this page: its old scripts can no longer ask.
    return null;
  }
}
