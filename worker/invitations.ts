import { eq } from 'drizzle-orm';
import type { InvitationView } from '../core/api/invitations.js';
import { hashToken } from './credentials.js';
import type { Db } from './db/client.js';
import { type InvitationRow, invitations } from './db/schema.js';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60_000;

export function invitationStatus(row: InvitationRow, now: number): InvitationView['status'] {
  if (row.acceptedAt !== null) return 'accepted';
  if (row.revokedAt !== null) return 'revoked';
  return now >= row.expiresAt ? 'expired' : 'pending';
}

export function toInvitationView(row: InvitationRow, now: number): InvitationView {
  return {
    id: row.id,
    email: row.email,
    roles: row.roles,
    displayName: row.displayName,
    status: invitationStatus(row, now),
    invitedBy: row.invitedBy,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    acceptedAt: row.acceptedAt,
    acceptedUserId: row.acceptedUserId,
  };
}

export const invitationByTokenQuery = (db: Db, token: string) =>
  db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);

export function pendingOf(rows: readonly InvitationRow[]): InvitationRow | undefined {
  const [row] = rows;
  return row && invitationStatus(row, Date.now()) === 'pending' ? row : undefined;
}

/** The pending invitation behind a link's token, or undefined (unknown, used, revoked, expired). */
export async function findPendingInvitation(db: Db, token: string): Promise<InvitationRow | undefined> {
  return pendingOf(await invitationByTokenQuery(db, token));
}

export function invitationEmail(orgName: string, link: string, expiresAt: number) {
  return {
    subject: `Invitation to ${orgName} on Tacit / 邀请您加入 ${orgName}`,
    body: [
      `You are invited to join ${orgName} on Tacit.`,
      `您受邀加入 ${orgName}（默契）。`,
      '',
      `Open this link to choose your passphrase / 打开此链接设置您的口令:`,
      link,
      '',
      `The link works once and expires on ${new Date(expiresAt).toISOString()}.`,
      `链接只能使用一次，过期时间：${new Date(expiresAt).toISOString()}。`,
    ].join('\n'),
  };
}
