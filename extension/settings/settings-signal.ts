/**
 * A result page must know the settings and the list the moment its results are parsed, but
 * storage answers only after the page's first layout (30 to 40 ms later on a slow machine). Most
 * machines keep the default settings, and the list compiled in is the one in use until an update
 * arrives. So the background registers a one-line content script on the result pages while the
 * stored state differs from what is compiled in — settings that differ from the defaults in
 * anything marking uses, a newer list or engine definitions in storage; a page without that flag marks at once with
 * the defaults and the bundled list, a page with it waits for storage. Either way the stored state
 * is read, and it wins (a change made while a page loads is applied when it arrives).
 */
import browser from 'webextension-polyfill';
import { contentScriptMatches } from '../engines/engines.ts';
import { ENGINE_DEFINITIONS_KEY } from '../engines/stored-definitions.ts';
import { LIST_VERSION_KEY } from '../list/current-list.ts';
import { marksLikeDefaults, onSettingsChanged, readSettings } from './settings.ts';

export const FLAG_SCRIPT_ID = 'sdc-stored-state-differs';
/** Built from entrypoints/settings-signal.content.ts (see settings-flag.ts). */
const FLAG_SCRIPT_FILE = 'content-scripts/settings-signal.js';

async function flagWanted(): Promise<boolean> {
  const stored = await browser.storage.local.get([LIST_VERSION_KEY, ENGINE_DEFINITIONS_KEY]);
  return stored[LIST_VERSION_KEY] !== undefined || stored[ENGINE_DEFINITIONS_KEY] !== undefined || !marksLikeDefaults(await readSettings());
}

async function setFlag(wanted: boolean): Promise<void> {
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [FLAG_SCRIPT_ID] })).length > 0;
  if (wanted && !registered) {
    await browser.scripting.registerContentScripts([{ id: FLAG_SCRIPT_ID, js: [FLAG_SCRIPT_FILE], matches: contentScriptMatches(), runAt: 'document_start' }]);
  } else if (!wanted && registered) {
    await browser.scripting.unregisterContentScripts({ ids: [FLAG_SCRIPT_ID] });
  }
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
  return enqueue(() => setFlag(true));
}

/** Background: keeps the flag script registered exactly while the stored state differs from what is compiled in. */
export function followStoredStateForResultPages(): void {
  const sync = () => void enqueue(async () => setFlag(await flagWanted())).catch(() => {});
  sync();
  onSettingsChanged(sync);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (LIST_VERSION_KEY in changes || ENGINE_DEFINITIONS_KEY in changes)) sync();
  });
}
