import { defineConfig } from 'wxt';

// The extension's sources live in extension/; the shared core it imports lives in corpus/.
export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  outDir: '.output',
});
