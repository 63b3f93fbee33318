import { env } from 'cloudflare:workers';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hashToken } from '../../worker/credentials.js';
import { openDb } from '../../worker/db/client.js';
import { preparedBatch, slot } from '../../worker/db/prepared.js';
import { caseKeyWraps, cases, org, sessions, users } from '../../worker/db/schema.js';
import { sessionQuery } from '../../worker/sessions.js';
import { openCase } from './support/case-files.js';
import { addMember, setUpOrganization } from './support/scenario.js';

/**
 * worker/db/prepared.ts reads a prepared batch's rows itself (decoders found once); whatever it
 * returns must be exactly what drizzle's own batch returns for the same statements and values.
 */

async function counselorWithTwoCases() {
  const center = await setUpOrganization();
  const counselor = await addMember(center, ['counselor']);
  await openCase(center, counselor);
  await openCase(center, counselor);
  return { counselor, tokenHash: hashToken(counselor.browser.sessionToken as string) };
}

describe('a prepared batch', () => {
  it('returns what drizzle returns: joins, aliased columns, JSON and boolean columns, SQL fields, writes', async () => {
    const { counselor, tokenHash } = await counselorWithTwoCases();
    const db = openDb(env.DB);
    const userId = counselor.account.id;
    const queries = (id: string | ReturnType<typeof slot>, hash: string | ReturnType<typeof slot>) =>
      [
        sessionQuery(db, hash),
        db.select().from(users).where(eq(users.id, id)),
        db
          .select({
            caseRow: cases,
            perm: caseKeyWraps.perm,
            late: sql<number>`${caseKeyWraps.expiresAt} > 0`,
          })
          .from(caseKeyWraps)
          .innerJoin(cases, eq(cases.id, caseKeyWraps.caseId))
          .where(and(eq(caseKeyWraps.toUserId, id), gt(cases.openedAt, 0)))
          .orderBy(desc(cases.openedAt)),
        db.select({ settings: org.settings }).from(org),
        db
          .update(sessions)
          .set({ lastSeenAt: sql`${sessions.lastSeenAt}` })
          .where(eq(sessions.tokenHash, hash)),
      ] as const;
    const prepared = preparedBatch(() => queries(slot('userId'), slot('tokenHash')));

    const ours = await prepared.run(db, { userId, tokenHash });
    const drizzles = await db.batch(queries(userId, tokenHash));

    expect(ours.slice(0, 4)).toEqual(drizzles.slice(0, 4));
    expect(ours[0][0]?.user.roles).toEqual(['counselor']);
    expect(ours[2]).toHaveLength(2);
    expect(typeof ours[2][0]?.caseRow.needsRotation).toBe('boolean');
    expect(ours[4].meta.changes).toBe(1);
  });

  it('binds each run its own values', async () => {
    const { counselor, tokenHash } = await counselorWithTwoCases();
    const db = openDb(env.DB);
    const prepared = preparedBatch((db) => [sessionQuery(db, slot('tokenHash'))] as const);
    const [[found]] = await prepared.run(db, { tokenHash });
    const [[none]] = await prepared.run(db, { tokenHash: 'f'.repeat(64) });
    expect(found?.user.id).toBe(counselor.account.id);
    expect(none).toBeUndefined();
  });
});
