import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Browser tests against a running portal (E2E_BASE_URL, default http://127.0.0.1:3100), driven by playwright-core
 * in Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium). scripts/e2e.mjs starts the platform for them.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
