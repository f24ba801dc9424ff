import { defineConfig } from 'vitest/config';

// Three tiers (design/ARCHITECTURE.md): unit runs anywhere; hsm needs SoftHSM;
// e2e needs Debian's Chromium. Every test file runs in its own process
// (pool "forks"): PKCS#11 finalize is process-wide, so one module owner per file.
export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'hsm', include: ['test/hsm/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 300_000 } },
      { extends: true, test: { name: 'electron', include: ['test/electron/**/*.test.ts'] } },
    ],
  },
});
