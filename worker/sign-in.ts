import { eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Context } from 'hono';
import { type AuditRecord, commitAudited } from './audit.js';
import { verifyPeppered } from './credentials.js';
import { type UserRow, users } from './db/schema.js';
import type { AppEnv } from './env.js';
import { ApiError } from './errors.js';
import {
  assertNotLocked,
  clearAccountWrite,
  failureWrites,
  readThrottle,
  type ThrottleRow,
  throttleKeys,
} from './throttle.js';

export type CredentialKind = 'passphrase' | 'recovery';

export function clientIp(c: Context): string {
  return c.req.header('CF-Connecting-IP') ?? 'local';
}

export async function findUserByEmail(c: Context<AppEnv>, email: string): Promise<UserRow | undefined> {
  const [user] = await c.var.db.select().from(users).where(eq(users.email, email)).limit(1);
  return user;
}

interface CredentialCheck {
  orgId: string;
  email: string;
  user: UserRow | undefined;
  kind: CredentialKind;
  key: string;
  /** What a failure is recorded as in the audit chain. */
  failure: Pick<AuditRecord, 'type'> & { details?: AuditRecord['details'] };
  /** The throttle rows, when the caller read them in its own batch. */
  read?: { throttle: Map<string, ThrottleRow> };
}

/**
 * Checks an auth key (or recovery auth key) under the login throttle. An unknown email, a
 * disabled account and a wrong key all answer the same 401 after the same HMAC work, and every
 * failure is counted per account and per IP and audited in the same batch.
 */
export async function checkCredential(c: Context<AppEnv>, check: CredentialCheck) {
  const { db, pepper } = c.var;
  const ip = clientIp(c);
  const keys = throttleKeys(check.email, ip);
  const now = Date.now();
  const throttle = check.read?.throttle ?? (await readThrottle(db, keys));
  assertNotLocked(throttle, now);

  const user = check.user?.status === 'active' ? check.user : undefined;
  const stored = check.kind === 'passphrase' ? user?.authHash : user?.recoveryAuthHash;
  const valid = verifyPeppered(pepper, check.key, stored);
  if (user && valid) {
    return { user, ip, clearThrottle: (): BatchItem<'sqlite'> => clearAccountWrite(db, keys) };
  }

  const { writes, lockedUntil } = failureWrites(db, throttle, keys, now);
  await commitAudited(
    db,
    check.orgId,
    {
      actor: null,
      type: check.failure.type,
      subject: check.user?.id ?? null,
      details: {
        ...check.failure.details,
        email: check.email,
        ip,
        ...(lockedUntil === undefined ? {} : { lockedUntil }),
      },
    },
    () => writes,
  );
  throw new ApiError(401, 'invalid_credentials', 'the email or the passphrase is not right');
}
