import { beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../core/api/roles.js';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { addMember, type Organization, setUpOrganization } from './support/scenario.js';

const SOME_ID = '00000000-0000-4000-8000-000000000000';

interface ProtectedRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  /** Who may call it; an empty list means any signed-in user. */
  roles: Role[];
}

/** Every route that needs a session, with the roles the server must enforce. */
const PROTECTED_ROUTES: ProtectedRoute[] = [
  { method: 'GET', path: '/api/auth/session', roles: [] },
  { method: 'POST', path: '/api/auth/passphrase', roles: [] },
  { method: 'GET', path: '/api/users/directory', roles: [] },
  { method: 'POST', path: '/api/invitations', roles: ['admin'] },
  { method: 'GET', path: '/api/invitations', roles: ['admin'] },
  { method: 'DELETE', path: `/api/invitations/${SOME_ID}`, roles: ['admin'] },
  { method: 'GET', path: '/api/users', roles: ['admin'] },
  { method: 'POST', path: `/api/users/${SOME_ID}/certificate`, roles: ['admin'] },
  { method: 'PATCH', path: `/api/users/${SOME_ID}`, roles: ['admin'] },
  { method: 'PUT', path: `/api/users/${SOME_ID}/supervisor`, roles: ['admin'] },
  { method: 'POST', path: '/api/admin/root-wraps', roles: ['admin'] },
  { method: 'GET', path: '/api/audit', roles: ['admin', 'director'] },
  { method: 'GET', path: '/api/audit/head', roles: ['admin', 'director'] },
  { method: 'GET', path: '/api/audit/checkpoints', roles: ['admin', 'director'] },
  { method: 'POST', path: '/api/audit/checkpoints', roles: ['admin'] },
];

const bodyFor = (method: ProtectedRoute['method']) => (method === 'GET' ? {} : { json: {} });

const OTHER_ROLES: Role[] = ['director', 'supervisor', 'counselor', 'frontdesk', 'finance'];

describe('role enforcement on every route', () => {
  let center: Organization;
  const members = new Map<Role, Browser>();

  beforeEach(async () => {
    center = await setUpOrganization();
    for (const role of OTHER_ROLES) members.set(role, (await addMember(center, [role])).browser);
  });

  it.each(PROTECTED_ROUTES)('$method $path needs a session (401 no_session)', async ({ method, path }) => {
    const before = await snapshotCounts();
    const res = await new Browser().request(method, path, bodyFor(method));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('no_session');
    expect(await snapshotCounts()).toEqual(before);
  });

  it.each(PROTECTED_ROUTES.filter((route) => route.roles.length > 0))(
    '$method $path refuses every role but $roles (403 forbidden)',
    async ({ method, path, roles }) => {
      for (const role of OTHER_ROLES.filter((candidate) => !roles.includes(candidate))) {
        const res = await members.get(role)?.request(method, path, bodyFor(method));
        expect(res?.status, `${role} on ${method} ${path}`).toBe(403);
        expect(res?.body.error.code).toBe('forbidden');
      }
    },
  );

  it('lets a director read the audit log', async () => {
    expect((await members.get('director')?.get('/api/audit'))?.status).toBe(200);
  });
});

describe('cross-site request forgery defense', () => {
  it('refuses a state-changing request without the X-Tacit-Request header', async () => {
    const center = await setUpOrganization();
    const before = await snapshotCounts();

    const res = await center.adminBrowser.request('POST', '/api/invitations', {
      json: { email: 'li@clinic.test', roles: ['counselor'] },
      csrf: false,
    });

    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('refuses a request from another origin even with the header', async () => {
    const center = await setUpOrganization();
    const res = await center.adminBrowser.post('/api/auth/logout', undefined, {
      headers: { Origin: 'https://evil.test' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf');
    expect((await center.adminBrowser.get('/api/auth/session')).status).toBe(200);
  });

  it('accepts the same origin and leaves reads alone', async () => {
    const center = await setUpOrganization();
    const res = await center.adminBrowser.post('/api/auth/logout', undefined, {
      headers: { Origin: 'http://localhost:8787' },
    });
    expect(res.status).toBe(200);
    expect((await new Browser().get('/api/setup/status', { csrf: false })).status).toBe(200);
  });

  it('guards login too', async () => {
    const center = await setUpOrganization();
    const res = await new Browser().request('POST', '/api/auth/login', {
      json: { email: center.admin.email, authKey: center.admin.authKey },
      csrf: false,
    });
    expect(res.body.error.code).toBe('csrf');
  });
});
