import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledListOptionsFromEnv, bundledListPlugin, onceBundledList } from './extension/list/bundled-list-module.ts';

// The extension's unit tests compile in a list published for them (the seed, signed by a key made
// for the run) in a temporary directory: never the server's data/.
const testListDirectory = mkdtempSync(join(tmpdir(), 'sdc-unit-list-'));
const testBundledList = onceBundledList(() =>
  bundledListOptionsFromEnv({ SDC_LISTS_DIR: join(testListDirectory, 'lists'), SDC_KEYS_DIR: join(testListDirectory, 'keys'), SDC_LIST_CHANNEL: 'https://listes.example.test/v1/' }),
);

// Fast tests sit beside the code they check; real-browser tests live in e2e/ and run one file at a time.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{corpus,scripts,curation-server}/**/*.test.ts'],
        },
      },
      {
        // The extension's own tests: WXT's plugin gives them its auto-imports and an in-memory `browser`
        // (fakeBrowser); the list is compiled in as in the build.
        plugins: [WxtVitest(), bundledListPlugin(testBundledList)],
        test: {
          name: 'extension',
          // Where that list was published and its key kept, for the tests that publish newer versions.
          env: { SDC_TEST_LIST_DIRECTORY: testListDirectory },
          include: ['extension/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          globalSetup: ['e2e/extension/build-extension.ts'],
        },
      },
    ],
  },
});
