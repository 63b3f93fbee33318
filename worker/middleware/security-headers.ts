import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.js';
import { WIDGET_PATH, widgetHeaders } from '../widget-page.js';

/**
 * Headers for every response the Worker produces. Static assets are served before the Worker
 * runs (run_worker_first = ["/api/*"]), so web/ carries the same set in its `_headers` file.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; '),
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
};

export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  // The booking widget is framed by the center's website (worker/widget-page.ts).
  if (new URL(c.req.url).pathname === WIDGET_PATH) {
    c.res.headers.delete('X-Frame-Options');
    for (const [name, value] of Object.entries(widgetHeaders(c.env))) c.res.headers.set(name, value);
  }
  // API answers carry session-bound data: never cache them anywhere.
  if (new URL(c.req.url).pathname.startsWith('/api/')) c.res.headers.set('Cache-Control', 'no-store');
});
