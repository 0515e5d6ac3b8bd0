// Code the tests run inside the extension (service worker, pages) uses Chrome's `chrome` API, typed
// by WXT's own copy of the Chrome API types.
import type { Browser } from '@wxt-dev/browser';

declare global {
  const chrome: typeof Browser;
}
