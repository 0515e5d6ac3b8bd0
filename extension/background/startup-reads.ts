/**
 * What the background's list waits for at its start, begun by the very first module its script
 * evaluates (entrypoints/background.ts imports this one first): the read of what storage holds of
 * the list, under way while the rest of the background's code is still being evaluated — about
 * 20 ms of a service worker's start on a slow machine, which the read would otherwise follow (the
 * compact list itself is compiled into the script, bundled-compact.ts). This module imports
 * nothing heavier than the polyfill and a module of constants.
 */
import browser from 'webextension-polyfill';
import { LIST_START_KEYS } from '../list/current-list.ts';

export const storedAtStart: Promise<Record<string, unknown>> = browser.storage.local.get([...LIST_START_KEYS]);
// Awaited by the list's first load; a failure is its to report, never an unhandled rejection here.
storedAtStart.catch(() => {});
