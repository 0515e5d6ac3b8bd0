/**
 * A result page must know the settings and the list the moment its results are parsed, but
 * storage answers only after the page's first layout (10 to 40 ms later on a slow machine). Most
 * machines keep the default settings, and the list compiled in is the one in use until an update
 * arrives. So the background tells result pages, by which packaged scripts it registers on them,
 * how the stored state differs from what is compiled in:
 * - settings that differ from the defaults in anything marking uses, or engine definitions in
 *   storage: a one-line flag script, and the page waits for storage;
 * - a newer list in storage: the scripts of the buckets of the hostnames it may answer differently
 *   for (changed-host-buckets.ts), and the page marks every other link at once; when they would be
 *   too many, the flag script instead.
 * A page with neither marks at once with the defaults and the bundled list. Either way the stored
 * state is read, and it wins (a change made while a page loads is applied when it arrives). Before
 * a new list is stored, the flag is raised (raiseResultPagesFlag); the exact signal follows once
 * it is stored.
 */
import browser from 'webextension-polyfill';
import { contentScriptMatches } from '../engines/engines.ts';
import { CompactListIndex } from '../../corpus/matching/compact-list.ts';
import { hostsChangedBy } from '../../corpus/matching/patched-list-index.ts';
import { ENGINE_DEFINITIONS_KEY } from '../engines/stored-definitions.ts';
import { bucketScriptFile, bucketsOfHosts } from '../list/changed-host-buckets.ts';
import { LIST_IN_USE_KEY, LIST_VERSION_KEY, listInUseFrom } from '../list/current-list.ts';
import { FLAG_SCRIPT_FILE } from './settings-flag.ts';
import { marksLikeDefaults, onSettingsChanged, readSettings } from './settings.ts';

export const FLAG_SCRIPT_ID = 'sdc-stored-state-differs';
export const BUCKETS_SCRIPT_ID = 'sdc-changed-host-buckets';

/** What result pages are to be told: wait for storage, or the buckets of the stored list's changed hostnames (none: nothing differs). */
type Signal = { wait: true } | { wait: false; buckets: number[] };

async function signalWanted(): Promise<Signal> {
  const stored = await browser.storage.local.get([LIST_IN_USE_KEY, ENGINE_DEFINITIONS_KEY]);
  if (stored[ENGINE_DEFINITIONS_KEY] !== undefined || !marksLikeDefaults(await readSettings())) return { wait: true };
  const list = listInUseFrom(stored[LIST_IN_USE_KEY]);
  if (list === null) return stored[LIST_IN_USE_KEY] === undefined ? { wait: false, buckets: [] } : { wait: true };
  const buckets = bucketsOfHosts(hostsChangedBy(new CompactListIndex(list.patch)));
  return buckets === null ? { wait: true } : { wait: false, buckets };
}

function register(id: string, js: string[]): Promise<void> {
  return browser.scripting.registerContentScripts([{ id, js, matches: contentScriptMatches(), runAt: 'document_start' }]);
}

const withoutLeadingSlash = (file: string) => file.replace(/^\//, '');

/** Registers what `signal` asks, in an order where a page never loads with less than it should know: a wait flag first, and removed last. */
async function applySignal(signal: Signal): Promise<void> {
  const registered = new Map((await browser.scripting.getRegisteredContentScripts({ ids: [FLAG_SCRIPT_ID, BUCKETS_SCRIPT_ID] })).map((script) => [script.id, (script.js ?? []).map(withoutLeadingSlash)]));
  if (signal.wait && !registered.has(FLAG_SCRIPT_ID)) await register(FLAG_SCRIPT_ID, [FLAG_SCRIPT_FILE]);
  const files = signal.wait ? [] : signal.buckets.map(bucketScriptFile);
  const current = registered.get(BUCKETS_SCRIPT_ID);
  if (files.length === 0 && current !== undefined) await browser.scripting.unregisterContentScripts({ ids: [BUCKETS_SCRIPT_ID] });
  else if (files.length > 0 && current === undefined) await register(BUCKETS_SCRIPT_ID, files);
  else if (files.length > 0 && current !== undefined && current.join() !== files.join()) await browser.scripting.updateContentScripts([{ id: BUCKETS_SCRIPT_ID, js: files }]);
  if (!signal.wait && registered.has(FLAG_SCRIPT_ID)) await browser.scripting.unregisterContentScripts({ ids: [FLAG_SCRIPT_ID] });
}

let queue = Promise.resolve();

/** One change at a time, in order; a failure is logged and the next change tries again. */
function enqueue(step: () => Promise<void>): Promise<void> {
  const done = queue.then(step);
  queue = done.catch((error: unknown) => console.warn('Sources de confiance: result-page flag not updated', error));
  return done;
}

/** Before a stored list replaces the one in use: pages loaded from now on wait for storage. */
export function raiseResultPagesFlag(): Promise<void> {
  // Only the flag: the buckets registered for the list in use, harmless under it, are brought in line once the new list is stored.
  return enqueue(async () => {
    if ((await browser.scripting.getRegisteredContentScripts({ ids: [FLAG_SCRIPT_ID] })).length === 0) await register(FLAG_SCRIPT_ID, [FLAG_SCRIPT_FILE]);
  });
}

/** Background: keeps the signal registered exactly as the stored state differs from what is compiled in. */
export function followStoredStateForResultPages(): void {
  const sync = () => void enqueue(async () => applySignal(await signalWanted())).catch(() => {});
  sync();
  onSettingsChanged(sync);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (LIST_VERSION_KEY in changes || ENGINE_DEFINITIONS_KEY in changes)) sync();
  });
}
