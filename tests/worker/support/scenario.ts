import type { Role } from '../../../core/api/roles.js';
import { Browser } from './client.js';
import { type Account, account, certify, type OrgKeys, orgKeys, setupRequest } from './factories.js';

export interface Organization {
  org: OrgKeys;
  admin: Account;
  adminBrowser: Browser;
}

/** A freshly set-up center whose first admin is signed in. */
export async function setUpOrganization(): Promise<Organization> {
  const org = orgKeys();
  const admin = account({ email: 'wang@clinic.test', displayName: 'Director Wang' });
  const adminBrowser = new Browser();
  const res = await adminBrowser.post('/api/setup', setupRequest(org, admin));
  if (res.status !== 201) throw new Error(`setup failed: ${JSON.stringify(res.body)}`);
  return { org, admin, adminBrowser };
}

/** The invitation token from the newest email in the dev outbox. */
export async function invitationTokenFromOutbox(to: string): Promise<string> {
  const res = await new Browser().get('/api/dev/outbox');
  const email = res.body.emails.find((candidate: { to: string }) => candidate.to === to);
  const token = email?.body.match(/#token=([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`no invitation email for ${to}`);
  return token;
}

export interface Member {
  account: Account;
  browser: Browser;
}

/** Invite → accept (signed in) → optionally certified by the admin. */
export async function addMember(
  center: Organization,
  roles: Role[],
  options: { certified?: boolean; email?: string } = {},
): Promise<Member> {
  const member = account(options.email ? { email: options.email } : {});
  const invited = await center.adminBrowser.post('/api/invitations', { email: member.email, roles });
  if (invited.status !== 201) throw new Error(`invite failed: ${JSON.stringify(invited.body)}`);
  const token = await invitationTokenFromOutbox(member.email);
  const browser = new Browser();
  const accepted = await browser.post('/api/invitations/accept', { token, user: member.payload });
  if (accepted.status !== 201) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
  if (options.certified !== false) {
    const certified = await center.adminBrowser.post(
      `/api/users/${member.id}/certificate`,
      certify(center.org, member),
    );
    if (certified.status !== 200) throw new Error(`certify failed: ${JSON.stringify(certified.body)}`);
  }
  return { account: member, browser };
}

export function login(who: Account, browser = new Browser(), ip?: string) {
  return browser.post('/api/auth/login', { email: who.email, authKey: who.authKey }, ip ? { ip } : {});
}

/** The admin names `supervisor` as `counselor`'s supervisor (issue 8). */
export async function assignSupervisor(center: Organization, counselor: Member, supervisor: Member) {
  const res = await center.adminBrowser.put(`/api/users/${counselor.account.id}/supervisor`, {
    supervisorId: supervisor.account.id,
  });
  if (res.status !== 200) throw new Error(`assign supervisor failed: ${JSON.stringify(res.body)}`);
}
