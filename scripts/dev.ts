/**
 * `npm run dev`: the API in `wrangler dev` on :8787 and the web app in Vite's dev server on :5173
 * (hot reload), which proxies /api to wrangler. Open http://localhost:5173 (the booking widget:
 * http://localhost:5173/widget).
 * The dev server injects styles inline, so unlike `npm start` it runs without the strict CSP.
 */
import { createServer, type Plugin } from 'vite';
import {
  applyLocalMigrations,
  buildWeb,
  ensureDevVars,
  startWranglerDev,
  WEB_ROOT,
  webIsBuilt,
} from './local-worker.js';

if (ensureDevVars() === 'created')
  console.log('Created .dev.vars with a fresh AUTH_PEPPER and DEV_OUTBOX=1.');
// wrangler.toml points its static assets at web/dist, which must exist for wrangler to start.
if (!webIsBuilt()) await buildWeb();
await applyLocalMigrations();

const wrangler = startWranglerDev({ port: 8787, stdio: 'inherit' });
/**
 * The Worker serves the booking widget's page at /widget (worker/widget-page.ts); Vite would
 * answer that path with the app's index.html, so the dev server maps it to widget.html itself.
 */
const widgetPage: Plugin = {
  name: 'tacit-widget-page',
  configureServer(server) {
    server.middlewares.use((request, _response, next) => {
      const [path, query] = (request.url ?? '').split('?', 2);
      if (path === '/widget') request.url = `/widget.html${query === undefined ? '' : `?${query}`}`;
      next();
    });
  },
};

const vite = await createServer({
  root: WEB_ROOT,
  configFile: `${WEB_ROOT}/vite.config.ts`,
  plugins: [widgetPage],
});
await vite.listen();
vite.printUrls();

const stop = async () => {
  wrangler.kill('SIGTERM');
  await vite.close();
  process.exit(0);
};
wrangler.on('exit', () => void stop());
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop());
