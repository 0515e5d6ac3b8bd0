/**
 * A result page must know the settings the moment its results are parsed, but storage answers
 * only after the page's first layout (30 to 40 ms later on a slow machine). Most machines keep
 * the defaults. So the background registers a one-line content script on the result pages while
 * the stored settings differ from the defaults in anything that marking uses; a page without that
 * flag marks at once with the defaults, a page with it waits for storage. Either way the stored
 * settings are read, and they win (a change made while a page loads is applied when it arrives).
 */
import browser from 'webextension-polyfill';
import { contentScriptMatches } from '../engines/engines.ts';
import { marksLikeDefaults, onSettingsChanged, readSettings } from './settings.ts';

const FLAG_SCRIPT_ID = 'sdc-stored-settings-differ';
/** Built from entrypoints/settings-signal.content.ts (see settings-flag.ts). */
const FLAG_SCRIPT_FILE = 'content-scripts/settings-signal.js';

async function syncFlagScript(): Promise<void> {
  const wanted = !marksLikeDefaults(await readSettings());
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [FLAG_SCRIPT_ID] })).length > 0;
  if (wanted && !registered) {
    await browser.scripting.registerContentScripts([{ id: FLAG_SCRIPT_ID, js: [FLAG_SCRIPT_FILE], matches: contentScriptMatches(), runAt: 'document_start' }]);
  } else if (!wanted && registered) {
    await browser.scripting.unregisterContentScripts({ ids: [FLAG_SCRIPT_ID] });
  }
}

/** Background: keeps the flag script registered exactly while the stored settings differ from the defaults. */
export function followSettingsForResultPages(): void {
  let queue = Promise.resolve();
  const sync = () => {
    // One change at a time, in order; a failure is logged and the next change tries again.
    queue = queue.then(syncFlagScript).catch((error: unknown) => console.warn('Sources de confiance: settings flag not updated', error));
  };
  sync();
  onSettingsChanged(sync);
}
