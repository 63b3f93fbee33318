import type { Role } from '../core/api/roles.js';
import type { Db } from './db/client.js';
import type { OrgRow, UserRow } from './db/schema.js';

/** Bindings from wrangler.toml, plus the AUTH_PEPPER secret (.dev.vars locally). */
export interface Env {
  DB: D1Database;
  ASSETS: Fetcher;
  ATTACHMENTS: R2Bucket;
  AUTH_PEPPER?: string;
  SESSION_IDLE_MINUTES?: string;
  SESSION_ABSOLUTE_HOURS?: string;
  DEV_OUTBOX?: string;
  ATTACHMENT_MAX_MB?: string;
  /** Stripe's endpoint signing secret (whsec_…): turns on /api/hooks/payments/stripe. */
  STRIPE_WEBHOOK_SECRET?: string;
  /** A Standard Webhooks secret (whsec_<base64>): turns on /api/hooks/payments/standard. */
  PAYMENT_WEBHOOK_SECRET?: string;
  /** Both set: the booking widget requires a Cloudflare Turnstile token, verified here. */
  TURNSTILE_SITE_KEY?: string;
  TURNSTILE_SECRET_KEY?: string;
  /** Origins allowed to frame the booking widget (CSP frame-ancestors); default any https page. */
  WIDGET_FRAME_ANCESTORS?: string;
}

export interface ActiveSession {
  tokenHash: string;
  user: UserRow & { roles: Role[] };
  org: OrgRow;
  idleExpiresAt: number;
  absoluteExpiresAt: number;
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    db: Db;
    pepper: string;
    session: ActiveSession;
  };
}
