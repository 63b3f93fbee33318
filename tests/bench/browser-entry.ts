import { benchEnvelopeThroughput, benchOpenCase, benchUnlock } from './crypto-bench.js';

(globalThis as Record<string, unknown>).tacitBench = { benchEnvelopeThroughput, benchOpenCase, benchUnlock };
