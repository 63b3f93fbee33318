import { benchEnvelopeThroughput, benchOpenCase, benchOpenCaseParts, benchUnlock } from './crypto-bench.js';
import { benchSearch } from './search-bench.js';

(globalThis as Record<string, unknown>).tacitBench = {
  benchEnvelopeThroughput,
  benchOpenCase,
  benchOpenCaseParts,
  benchUnlock,
  benchSearch,
};
