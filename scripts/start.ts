/**
 * `npm start`: build the web app, apply migrations to the local D1 and serve everything from
 * `wrangler dev` on http://localhost:8787 — no Cloudflare account needed.
 */
import { applyLocalMigrations, buildWeb, ensureDevVars, startWranglerDev } from './local-worker.js';

const port = Number(process.env.PORT ?? 8787);

if (ensureDevVars() === 'created')
  console.log('Created .dev.vars with a fresh AUTH_PEPPER and DEV_OUTBOX=1.');
console.log('Building the web app…');
await buildWeb();
console.log('Applying database migrations to the local D1…');
await applyLocalMigrations();
console.log(`Starting Tacit on http://localhost:${port} (Ctrl-C to stop)`);

const wrangler = startWranglerDev({ port, stdio: 'inherit' });
wrangler.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => wrangler.kill(signal));
