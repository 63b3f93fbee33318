import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';
import type { BenchResult } from './crypto-bench.js';

/**
 * Issue 12's bundle budget, measured on the production build of web/ (its own vite.config.ts):
 * the initial JavaScript is the app's entry chunk and every chunk it imports statically — what the
 * browser must fetch before the first screen can run. Chunks behind `import()` are not in it.
 */

export const INITIAL_JS_BUDGET_BYTES = 60 * 1024;

/** Modules of the crypto: the project's crypto/ and the noble libraries it is built on. */
const CRYPTO_MODULE = /[\\/](crypto|node_modules[\\/]@noble)[\\/]/;

export interface BundleMeasure {
  /** gzip (level 9) of each initial chunk, by file name. */
  initialChunks: { fileName: string; gzipBytes: number }[];
  initialGzipBytes: number;
  /** Crypto modules found in an initial chunk (must be none: the crypto loads lazily). */
  cryptoInInitial: string[];
  /** The lazily loaded chunks that hold crypto modules, with their gzip size. */
  cryptoChunks: { fileName: string; gzipBytes: number }[];
  allGzipBytes: number;
}

const gzipSize = (code: string) => gzipSync(code, { level: 9 }).length;

export async function measureWebBundle(): Promise<BundleMeasure> {
  const outDir = mkdtempSync(join(tmpdir(), 'tacit-bundle-'));
  const webRoot = new URL('../../web/', import.meta.url).pathname;
  try {
    const result = await build({
      root: webRoot,
      configFile: join(webRoot, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    const chunks = outputs
      .flatMap((output) => output.output)
      .filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
    const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
    const entry = chunks.find((chunk) => chunk.isEntry && chunk.name === 'main');
    if (!entry) throw new Error('the build has no "main" entry chunk');
    const initial = new Set<string>();
    const visit = (fileName: string) => {
      if (initial.has(fileName)) return;
      initial.add(fileName);
      for (const imported of byName.get(fileName)?.imports ?? []) visit(imported);
    };
    visit(entry.fileName);
    const initialChunks = [...initial].map((fileName) => ({
      fileName,
      gzipBytes: gzipSize(byName.get(fileName)?.code ?? ''),
    }));
    const cryptoInInitial = [...initial].flatMap((fileName) =>
      (byName.get(fileName)?.moduleIds ?? []).filter((id) => CRYPTO_MODULE.test(id)),
    );
    const cryptoChunks = chunks
      .filter((chunk) => !initial.has(chunk.fileName) && chunk.moduleIds.some((id) => CRYPTO_MODULE.test(id)))
      .map((chunk) => ({ fileName: chunk.fileName, gzipBytes: gzipSize(chunk.code) }));
    return {
      initialChunks,
      initialGzipBytes: initialChunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
      cryptoInInitial,
      cryptoChunks,
      allGzipBytes: chunks.reduce((sum, chunk) => sum + gzipSize(chunk.code), 0),
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

export async function benchBundle(): Promise<BenchResult[]> {
  const measure = await measureWebBundle();
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  return [
    {
      bench: 'web-initial-js-gzip',
      value: kb(measure.initialGzipBytes),
      unit: 'KB',
      target: INITIAL_JS_BUDGET_BYTES / 1024,
    },
    {
      bench: 'web-initial-crypto-modules',
      value: measure.cryptoInInitial.length,
      unit: 'modules',
      target: 0,
    },
    {
      bench: 'web-crypto-chunks-gzip (lazy)',
      value: kb(measure.cryptoChunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0)),
      unit: 'KB',
      target: null,
    },
    { bench: 'web-all-js-gzip', value: kb(measure.allGzipBytes), unit: 'KB', target: null },
  ];
}
