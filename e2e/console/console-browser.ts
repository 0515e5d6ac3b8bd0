/** The real Chromium the console's browser tests drive (Debian's, through playwright-core): one launch recipe for all. */
import { type Browser, chromium } from 'playwright-core';

export function launchConsoleBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
