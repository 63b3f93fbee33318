import { benchEnvelopeThroughput, benchOpenCase, benchOpenCaseParts, benchUnlock } from './crypto-bench.js';

(globalThis as Record<string, unknown>).tacitBench = {
  benchEnvelopeThroughput,
  benchOpenCase,
  benchOpenCaseParts,
  benchUnlock,
};
