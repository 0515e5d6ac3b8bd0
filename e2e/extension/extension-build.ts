/** Where the built extension is, and its fixed identity (see wxt.config.ts). */
import { fileURLToPath } from 'node:url';

export const CHROME_BUILD = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));
export const FIREFOX_BUILD = fileURLToPath(new URL('../../.output/firefox-mv2', import.meta.url));
/** Fixed by the manifest `key`. */
export const CHROME_EXTENSION_ID = 'gchlaeidhlpjhcidhkkimiadkidlgkgh';
/** Fixed for the test profile (preference extensions.webextensions.uuids): Firefox draws a random one per profile otherwise. */
export const FIREFOX_EXTENSION_UUID = '5d1e2f3a-6b7c-4d8e-9f01-23456789abcd';
/**
 * The list channel compiled into the test build: a name that resolves nowhere, which each browser
 * session maps to the channel server of its test (Chromium: host resolver rules; Firefox: its proxy).
 */
export const E2E_CHANNEL = 'http://listes.sources-de-confiance.test/v1/';
export const E2E_CHANNEL_HOST = new URL(E2E_CHANNEL).hostname;
