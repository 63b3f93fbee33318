import { mkdirSync } from 'node:fs';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The browser tests share one server and one organization: they run in file-name order, numbers
 * compared as numbers (10-… after 9-…, 99-recovery last).
 */
class ByFileName extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId, 'en', { numeric: true }));
  }
}

export default defineConfig({
  test: {
    // Vitest reads the sequencer from the root config only; the order matters to e2e alone.
    sequence: { sequencer: ByFileName },
    reporters: ['default', './tests/support/failure-summary.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/crypto/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        // Inside workerd, against the real migrations (issue 3).
        plugins: [
          cloudflareTest(async () => {
            // wrangler.toml is the one source of bindings; its [assets] directory must exist even
            // when the web app has not been built, and the API tests never read it.
            mkdirSync('web/dist', { recursive: true });
            return {
              main: './worker/index.ts',
              wrangler: { configPath: './wrangler.toml' },
              miniflare: {
                bindings: {
                  AUTH_PEPPER: 'test-pepper-0123456789abcdef0123456789abcdef',
                  DEV_OUTBOX: '1',
                  STRIPE_WEBHOOK_SECRET: 'whsec_test_stripe_0123456789abcdef',
                  PAYMENT_WEBHOOK_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
                  TEST_MIGRATIONS: await readD1Migrations('migrations'),
                },
              },
            };
          }),
        ],
        test: {
          name: 'worker',
          include: ['tests/worker/**/*.test.ts'],
          testTimeout: 60_000,
          setupFiles: ['tests/worker/apply-migrations.ts'],
        },
      },
      {
        // Every byte the local D1 stores, searched for canaries of every secret field (issue 4).
        test: {
          name: 'privacy',
          include: ['tests/privacy/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/privacy/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
      {
        // Real Chromium against `wrangler dev` with a fresh local D1 (tests/e2e/global-setup.ts).
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          setupFiles: ['tests/e2e/screenshot-on-failure.ts'],
          fileParallelism: false,
          // A busy CI machine can be several times slower than a laptop (tests/e2e/browser.ts).
          testTimeout: 300_000,
          hookTimeout: 300_000,
          expect: { poll: { timeout: 60_000, interval: 200 } },
        },
      },
      {
        // Issue 13's whole day at a center, on a fresh server of its own (not the e2e center).
        test: {
          name: 'story',
          include: ['tests/story/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/story/global-setup.ts'],
          setupFiles: ['tests/e2e/screenshot-on-failure.ts'],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 300_000,
          expect: { poll: { timeout: 60_000, interval: 200 } },
        },
      },
    ],
  },
});
