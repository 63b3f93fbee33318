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
