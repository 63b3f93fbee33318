import type { Context } from 'hono';
import type { AppEnv, Env } from './env.js';
import { ApiError } from './errors.js';

/**
 * The booking widget's page (web/widget.html) is the one page other sites may frame. The Worker
 * serves it from the static assets with its own headers: the app's strict CSP, except that
 * frame-ancestors names the center's sites (WIDGET_FRAME_ANCESTORS, default any) and, when
 * Turnstile is on, Cloudflare's challenge script and frame are allowed.
 */

export const WIDGET_PATH = '/widget';
const TURNSTILE_ORIGIN = 'https://challenges.cloudflare.com';

export function widgetHeaders(env: Env): Record<string, string> {
  const turnstile = Boolean(env.TURNSTILE_SITE_KEY && env.TURNSTILE_SECRET_KEY);
  const ancestors = env.WIDGET_FRAME_ANCESTORS?.trim() || '*';
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      `script-src 'self'${turnstile ? ` ${TURNSTILE_ORIGIN}` : ''}`,
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      `frame-src ${turnstile ? TURNSTILE_ORIGIN : "'none'"}`,
      `frame-ancestors ${ancestors}`,
      "base-uri 'none'",
      "form-action 'self'",
      "object-src 'none'",
    ].join('; '),
    'Cache-Control': 'no-cache',
  };
}

export async function serveWidgetPage(c: Context<AppEnv>) {
  const asset = await c.env.ASSETS.fetch(new URL(WIDGET_PATH, c.req.url));
  if (!asset.ok) throw new ApiError(404, 'not_found', 'the web app is not built (npm run build)');
  return new Response(asset.body, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
