import { Hono } from 'hono';

/**
 * Issue 12's baseline: the least a Hono route on D1 can do — one prepared statement, one round
 * trip, a small JSON answer. `npm run bench` serves it with `wrangler dev` beside the app and
 * loads both the same way; the app's read routes must keep ≥ 0.7 of its throughput.
 */
const app = new Hono<{ Bindings: { DB: D1Database } }>();

app.get('/api/baseline', async (c) => {
  const row = await c.env.DB.prepare('SELECT ?1 AS id, ?2 AS name').bind(1, 'baseline').first();
  return c.json({ row });
});

export default app;
