/** Asking the background, from an extension page (the popup): the sources of some targets, the list's status. */
import browser from 'webextension-polyfill';
import type { ListStatus } from '../list/list-updates.ts';
import { type MatchResponse, parseMatchResponse } from './messages.ts';

export async function askSources(targets: string[]): Promise<MatchResponse | null> {
  try {
    return parseMatchResponse(await browser.runtime.sendMessage({ type: 'match', targets }), targets.length);
  } catch {
    // The background could not answer (the extension is being reloaded or updated).
    return null;
  }
}

/** The list's status, or a check of the channel now (`update-list`) and the status after it; null when the background cannot answer. */
export async function askListStatus(type: 'list-status' | 'update-list'): Promise<ListStatus | null> {
  try {
    const answer = (await browser.runtime.sendMessage({ type })) as ListStatus | undefined;
    return answer !== undefined && typeof answer === 'object' && answer !== null && 'meta' in answer ? answer : null;
  } catch {
    return null;
  }
}
