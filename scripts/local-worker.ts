/**
 * Running Tacit locally with wrangler: build web/, apply the D1 migrations, start `wrangler dev`
 * (workerd + a local SQLite D1, no Cloudflare account). Used by `npm start`, `npm run dev` and
 * the browser tests' global setup.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const WEB_ROOT = join(ROOT, 'web');
export const DATABASE_NAME = 'tacit';

const WRANGLER = join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
const DEV_VARS = join(ROOT, '.dev.vars');

/** Wrangler without prompts or telemetry: these runs are unattended and often offline. */
const wranglerEnv = (): NodeJS.ProcessEnv => ({ ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' });

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** Writes `.dev.vars` with a fresh AUTH_PEPPER unless the developer already has one. */
export function ensureDevVars(): 'created' | 'kept' {
  if (existsSync(DEV_VARS)) return 'kept';
  writeFileSync(DEV_VARS, `AUTH_PEPPER=${randomHex(32)}\nDEV_OUTBOX=1\n`, { mode: 0o600 });
  return 'created';
}

export async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  await build({ root: WEB_ROOT, configFile: join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

export function webIsBuilt(): boolean {
  return existsSync(join(WEB_ROOT, 'dist', 'index.html'));
}

export function hasMigrations(): boolean {
  const dir = join(ROOT, 'migrations');
  return existsSync(dir) && readdirSync(dir).some((name) => name.endsWith('.sql'));
}

/** Runs a wrangler command to completion; `quiet` keeps its output unless it fails. */
function runWrangler(args: readonly string[], quiet: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRANGLER, ...args], {
      cwd: ROOT,
      env: wranglerEnv(),
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`wrangler ${args.join(' ')} exited with ${code}\n${output}`)),
    );
  });
}

/** Applies migrations/ to the local D1; a no-op while the folder has none. */
export async function applyLocalMigrations(
  options: { persistTo?: string; quiet?: boolean } = {},
): Promise<void> {
  if (!hasMigrations()) return;
  const persist = options.persistTo ? ['--persist-to', options.persistTo] : [];
  await runWrangler(
    ['d1', 'migrations', 'apply', DATABASE_NAME, '--local', ...persist],
    options.quiet ?? false,
  );
}

export interface WranglerDevOptions {
  port: number;
  inspectorPort?: number;
  persistTo?: string;
  /** Passed as `--var KEY:VALUE`, overriding wrangler.toml [vars] and .dev.vars. */
  vars?: Readonly<Record<string, string>>;
  /** `inherit` for a person at a terminal; `pipe` keeps test output quiet but available. */
  stdio: 'inherit' | 'pipe';
  /** Own process group, so a test harness can stop wrangler and workerd together. */
  detached?: boolean;
  /** Another Worker's wrangler.toml (the benchmarks' baseline); the app's by default. */
  config?: string;
}

export function startWranglerDev(options: WranglerDevOptions): ChildProcess {
  const args = [
    WRANGLER,
    'dev',
    '--local',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--show-interactive-dev-session=false',
  ];
  if (options.inspectorPort !== undefined) args.push('--inspector-port', String(options.inspectorPort));
  if (options.persistTo) args.push('--persist-to', options.persistTo);
  if (options.config) args.push('--config', options.config);
  for (const [name, value] of Object.entries(options.vars ?? {})) args.push('--var', `${name}:${value}`);
  return spawn(process.execPath, args, {
    cwd: ROOT,
    env: wranglerEnv(),
    stdio: options.stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
}

/** Resolves once `url` answers with a non-5xx status; rejects on timeout or if `child` exits first. */
export async function waitForHttp(
  url: string,
  options: { timeoutMs: number; child?: ChildProcess },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let exited = false;
  options.child?.once('exit', () => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the server exited before ${url} answered`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${options.timeoutMs} ms`);
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}
