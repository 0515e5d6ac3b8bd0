/**
 * The reads the background's list waits for, begun by the very first module its script evaluates
 * (entrypoints/background.ts imports this one first): the packaged compact list and what storage
 * holds of the list, read while the rest of the background's code is still being evaluated — about
 * 20 ms of a service worker's start on a slow machine, which the reads would otherwise follow.
 * This module imports nothing heavier than the polyfill and two modules of constants.
 */
import browser from 'webextension-polyfill';
import { BUNDLED_COMPACT_FILE } from '../list/bundled-snapshot-file.ts';
import { LIST_START_KEYS } from '../list/current-list.ts';

/** A file packaged with the extension, as text. */
export async function packagedText(path: string): Promise<string> {
  return (await fetch(browser.runtime.getURL(`/${path}`))).text();
}

export const compactAtStart: Promise<string> = packagedText(BUNDLED_COMPACT_FILE);
export const storedAtStart: Promise<Record<string, unknown>> = browser.storage.local.get([...LIST_START_KEYS]);
// Awaited by the list's first load; a failure is its to report, never an unhandled rejection here.
compactAtStart.catch(() => {});
storedAtStart.catch(() => {});
