/**
 * `npm run demo [-- --url http://localhost:8787] [-- --scale large]`: fills a running local
 * instance with a realistic center through the real HTTP API and the real crypto, exactly as
 * browsers would: the admin's "browser" creates the organization, invites everyone, each person's
 * "browser" accepts with its own keys, and the admin certifies them. Prints the logins. Run
 * `npm start` first. `--scale large` also makes 50 counselors that way, then writes three years of
 * operational data (1,000,000 appointments) straight into the local D1 (scripts/demo/large-scale.ts).
 */
import {
  createInvitationResponseSchema,
  outboxSchema,
  setupStatusSchema,
  userListSchema,
} from '../core/api/index.js';
import { z } from '../core/api/zod.js';
import { fromBase64Url } from '../crypto/index.js';
import type { ApiClient } from '../web/src/lib/api-client.js';
import {
  certifyUser,
  createOrganization,
  joinOrganization,
  memoryRootPins,
  signInWithPassphrase,
} from '../web/src/lib/protocol/index.js';
import { ensureFrontDeskKey } from './demo/front-desk.js';
import { fillLargeScale, LARGE_SCALE } from './demo/large-scale.js';
import { nodeApiClient } from './demo/node-api.js';
import {
  DEMO_ADMIN,
  DEMO_ORGANIZATION,
  DEMO_STAFF,
  type DemoPerson,
  extraCounselors,
} from './demo/people.js';
import { seedSchedule } from './demo/schedule.js';

const urlFlag = process.argv.indexOf('--url');
const baseUrl = (urlFlag > 0 ? process.argv[urlFlag + 1] : undefined) ?? 'http://localhost:8787';
const scaleFlag = process.argv.indexOf('--scale');
const large = scaleFlag > 0 && process.argv[scaleFlag + 1] === 'large';
const pins = memoryRootPins();

async function adminSession(): Promise<{ api: ApiClient; rootSeed: Uint8Array }> {
  const api = nodeApiClient(baseUrl);
  const { initialized } = await api.get('/api/setup/status', setupStatusSchema);
  if (!initialized) {
    console.log(`Creating ${DEMO_ORGANIZATION} and its first admin…`);
    const created = await createOrganization(api, pins, {
      name: DEMO_ORGANIZATION,
      locale: 'zh-CN',
      admin: DEMO_ADMIN,
      recovery: { threshold: 2, total: 3 },
    });
    return { api, rootSeed: created.keys.orgRootSeed as Uint8Array };
  }
  const signedIn = await signInWithPassphrase(api, pins, DEMO_ADMIN.email, DEMO_ADMIN.passphrase).catch(
    () => {
      throw new Error(`this instance was not set up by the demo (cannot log in as ${DEMO_ADMIN.email})`);
    },
  );
  if (!signedIn.keys.orgRootSeed) throw new Error('the demo admin holds no org root key');
  return { api, rootSeed: signedIn.keys.orgRootSeed };
}

async function inviteToken(admin: ApiClient, email: string): Promise<string> {
  const { emails } = await admin.get('/api/dev/outbox', outboxSchema);
  const body = emails.find((message) => message.to === email)?.body ?? '';
  const token = /#token=([A-Za-z0-9_-]+)/.exec(body)?.[1];
  if (!token) throw new Error(`no invitation email for ${email} in the dev outbox (is DEV_OUTBOX=1?)`);
  return token;
}

async function addMember(admin: ApiClient, rootSeed: Uint8Array, person: DemoPerson, existing: Set<string>) {
  if (existing.has(person.email)) return 'already there';
  await admin.send(
    'POST',
    '/api/invitations',
    { email: person.email, roles: person.roles },
    createInvitationResponseSchema,
  );
  const joined = await joinOrganization(nodeApiClient(baseUrl), pins, {
    token: await inviteToken(admin, person.email),
    displayName: person.displayName,
    passphrase: person.passphrase,
  });
  await certifyUser(admin, rootSeed, {
    id: joined.user.id,
    email: joined.user.email,
    x25519Pk: fromBase64Url(joined.user.x25519Pk),
    ed25519Pk: fromBase64Url(joined.user.ed25519Pk),
  });
  return 'invited, keys made, certified';
}

const { api: admin, rootSeed } = await adminSession();
const { users } = await admin.get('/api/users', userListSchema);
const existing = new Set(users.map((user) => user.email));
// Setup makes the first person an admin only; the demo's director also holds the director role
// (leave decisions, the director's schedule), given as an admin would on the users page.
const me = users.find((user) => user.email === DEMO_ADMIN.email);
if (me && !DEMO_ADMIN.roles.every((role) => me.roles.includes(role))) {
  await admin.send('PATCH', `/api/users/${me.id}`, { roles: DEMO_ADMIN.roles }, z.unknown());
}
const staffCounselors = DEMO_STAFF.filter((person) => person.roles.includes('counselor')).length;
const staff = [...DEMO_STAFF, ...(large ? extraCounselors(LARGE_SCALE.counselors - staffCounselors) : [])];
for (const person of staff) {
  console.log(`${person.displayName.padEnd(12)} ${await addMember(admin, rootSeed, person, existing)}`);
}
console.log(`Front-desk key     ${await ensureFrontDeskKey(baseUrl, DEMO_ADMIN)}`);
const frontDesk = DEMO_STAFF.find((person) => person.roles.includes('frontdesk'));
if (!frontDesk) throw new Error('the demo staff has no front desk');
await seedSchedule(baseUrl, { director: DEMO_ADMIN, frontDesk }, (line) => console.log(line));
if (large) {
  console.log('\nWriting three years of operational data into the local D1…');
  await fillLargeScale((line) => console.log(line));
}

console.log(`\nTacit demo at ${baseUrl} — logins (local demo only):`);
for (const person of [DEMO_ADMIN, ...staff]) {
  console.log(`  ${person.roles.join(',').padEnd(20)} ${person.email.padEnd(34)} ${person.passphrase}`);
}
