/**
 * The flag of settings-signal.ts: a property of the content scripts' own global object (their
 * isolated world), never the page's, set by a one-line script packaged at build (wxt.config.ts).
 */
const FLAG = 'sdcStoredStateDiffers';

/** Where the package holds the flag script, and what it runs before the page is parsed. */
export const FLAG_SCRIPT_FILE = 'signals/stored-state-differs.js';
export const FLAG_SCRIPT = `globalThis.${FLAG} = true;\n`;

/** In a result page's content script: whether the stored settings or list differ from what is compiled in. */
export function storedStateFlagRaised(): boolean {
  return (globalThis as Record<string, unknown>)[FLAG] === true;
}
