import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromium } from '../e2e/browser.js';

/** Runs a bundle of tests/bench in headless Chromium on a loopback page (a secure context). */

async function bundleBenchmarks(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'tacit-bench-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      minify: true,
      emptyOutDir: true,
      lib: {
        entry: new URL('./browser-entry.ts', import.meta.url).pathname,
        formats: ['iife'],
        name: 'bench',
        fileName: () => 'bench.js',
      },
    },
  });
  return readFileSync(join(outDir, 'bench.js'), 'utf8');
}

function serve(script: string): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.url === '/bench.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><script src="/bench.js"></script>');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function withBenchPage<T>(run: (page: Page) => Promise<T>): Promise<T> {
  const server = await serve(await bundleBenchmarks());
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'tacitBench' in globalThis);
    return await run(page);
  } finally {
    await browser.close();
    server.close();
  }
}
