import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Build and browser tests share dist/ folders and a Chromium: run files one at a time.
    fileParallelism: false,
  },
});
