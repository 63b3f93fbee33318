import { Hono } from 'hono';
import type { AppEnv } from '../env.js';

export const health = new Hono<AppEnv>();

health.get('/', async (c) => {
  try {
    await c.env.DB.prepare('SELECT 1').first();
    return c.json({ ok: true, db: true });
  } catch {
    return c.json({ ok: false, db: false }, 503);
  }
});
