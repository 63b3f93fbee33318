import { describe, expect, it } from 'vitest';
import { INITIAL_JS_BUDGET_BYTES, measureWebBundle } from '../../bench/bundle.js';

// Issue 12: the first screen's JavaScript stays small, and the crypto comes only when it is used.
describe('the web bundle', () => {
  it('keeps the initial JavaScript within 60 KB gzipped, with the crypto in lazy chunks only', async () => {
    const measure = await measureWebBundle();
    expect(measure.initialChunks.length).toBeGreaterThan(0);
    expect(measure.initialGzipBytes, JSON.stringify(measure.initialChunks)).toBeLessThanOrEqual(
      INITIAL_JS_BUDGET_BYTES,
    );
    expect(measure.cryptoInInitial).toEqual([]);
    expect(measure.cryptoChunks.length).toBeGreaterThan(0);
  }, 120_000);
});
