/**
 * Serves a fresh Tacit for the browser tests: build web/, apply the migrations to a new temporary
 * D1 state directory, start `wrangler dev` on free ports with its own pepper, and stop it all
 * afterwards. The developer's .wrangler/state and .dev.vars are never touched.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  applyLocalMigrations,
  buildWeb,
  findFreePort,
  randomHex,
  startWranglerDev,
  waitForHttp,
} from '../../scripts/local-worker.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the app under test, e.g. http://127.0.0.1:41234 */
    baseURL: string;
  }
}

const STARTUP_TIMEOUT_MS = 120_000;

function stopProcessGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.pid === undefined) return resolve();
    const pid = child.pid;
    const forceKill = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(forceKill);
      resolve();
    });
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(forceKill);
      resolve();
    }
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildWeb();
  const persistTo = await mkdtemp(join(tmpdir(), 'tacit-e2e-'));
  await applyLocalMigrations({ persistTo, quiet: true });

  const port = await findFreePort();
  const inspectorPort = await findFreePort();
  const wrangler = startWranglerDev({
    port,
    inspectorPort,
    persistTo,
    vars: { AUTH_PEPPER: randomHex(32), DEV_OUTBOX: '1' },
    stdio: 'pipe',
    detached: true,
  });
  let output = '';
  const record = (chunk: Buffer) => {
    output += chunk.toString();
  };
  wrangler.stdout?.on('data', record);
  wrangler.stderr?.on('data', record);

  const baseURL = `http://127.0.0.1:${port}`;
  const teardown = async () => {
    await stopProcessGroup(wrangler);
    await rm(persistTo, { recursive: true, force: true });
  };

  try {
    // Any non-5xx answer means the Worker is up (a 404 before the health route existed, too).
    await waitForHttp(`${baseURL}/api/health`, { timeoutMs: STARTUP_TIMEOUT_MS, child: wrangler });
  } catch (error) {
    await teardown();
    throw new Error(`wrangler dev did not start: ${(error as Error).message}\n${output}`);
  }

  project.provide('baseURL', baseURL);
  return teardown;
}
