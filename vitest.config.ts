import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { bundledListPlugin } from './extension/list/bundled-list-module.ts';

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
        plugins: [WxtVitest(), bundledListPlugin()],
        test: {
          name: 'extension',
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
