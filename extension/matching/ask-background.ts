/** Asking the background for the sources of some targets, from an extension page (the popup). */
import browser from 'webextension-polyfill';
import { type MatchResponse, parseMatchResponse } from './messages.ts';

export async function askSources(targets: string[]): Promise<MatchResponse | null> {
  try {
    return parseMatchResponse(await browser.runtime.sendMessage({ type: 'match', targets }), targets.length);
  } catch {
    // The background could not answer (the extension is being reloaded or updated).
    return null;
  }
}
