/**
 * A fresh Tacit for a test run: build web/, apply the migrations to a new temporary D1 state
 * directory, start `wrangler dev` on free ports with its own pepper, and stop it all afterwards.
 * The developer's .wrangler/state and .dev.vars are never touched.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  applyLocalMigrations,
  buildWeb,
  findFreePort,
  randomHex,
  startWranglerDev,
  WEB_ROOT,
  waitForHttp,
} from '../../scripts/local-worker.js';

const WEB_DIST = join(WEB_ROOT, 'dist');

const STARTUP_TIMEOUT_MS = 120_000;

export interface LocalServer {
  baseURL: string;
  /** wrangler's --persist-to directory: the local D1's SQLite files live below it */
  stateDir: string;
  /** wrangler's process id, also its process group's (workerd runs inside that group) */
  pid: number;
  /** wrangler's DevTools inspector for the Worker (Chrome DevTools Protocol) */
  inspectorPort: number;
  stop(): Promise<void>;
}

export function stopProcessGroup(child: ChildProcess): Promise<void> {
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

/**
 * `withWeb: false` serves the API only (the [assets] folder must still exist for wrangler).
 * `config` serves another Worker (the benchmarks' baseline): no build, no migrations.
 */
export async function startLocalServer(
  name: string,
  options: {
    withWeb?: boolean;
    config?: string;
    readyPath?: string;
    /** More `--var`s, e.g. a payment provider's webhook secret for the story's callback. */
    vars?: Readonly<Record<string, string>>;
  } = {},
): Promise<LocalServer> {
  if (options.withWeb === false || options.config) await mkdir(WEB_DIST, { recursive: true });
  else await buildWeb();
  const stateDir = await mkdtemp(join(tmpdir(), `tacit-${name}-`));
  if (!options.config) await applyLocalMigrations({ persistTo: stateDir, quiet: true });
  const port = await findFreePort();
  const inspectorPort = await findFreePort();
  const wrangler = startWranglerDev({
    port,
    inspectorPort,
    persistTo: stateDir,
    vars: { AUTH_PEPPER: randomHex(32), DEV_OUTBOX: '1', ...options.vars },
    stdio: 'pipe',
    detached: true,
    ...(options.config && { config: options.config }),
  });
  let output = '';
  const record = (chunk: Buffer) => {
    output += chunk.toString();
  };
  wrangler.stdout?.on('data', record);
  wrangler.stderr?.on('data', record);

  const baseURL = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopProcessGroup(wrangler);
    await rm(stateDir, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`${baseURL}${options.readyPath ?? '/api/health'}`, {
      timeoutMs: STARTUP_TIMEOUT_MS,
      child: wrangler,
    });
  } catch (error) {
    await stop();
    throw new Error(`wrangler dev did not start: ${(error as Error).message}\n${output}`);
  }
  return { baseURL, stateDir, pid: wrangler.pid ?? 0, inspectorPort, stop };
}
