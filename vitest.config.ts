import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{corpus,scripts,curation-server}/**/*.test.ts'],
  },
});
