import { createInvitationResponseSchema, outboxSchema, sessionViewSchema } from '../../core/api/index.js';
import { sessionNoteForm } from '../../core/forms/templates/index.js';
import { fromBase64Url } from '../../crypto/index.js';
import { nodeApiClient } from '../../scripts/demo/node-api.js';
import type { ApiClient } from '../../web/src/lib/api-client.js';
import {
  type CaseContext,
  createCase,
  createClient,
  memoryCaseCheckpoints,
  type OpenedCase,
  openCase,
  type RecordWrite,
  writeRecord,
} from '../../web/src/lib/protocol/cases/index.js';
import {
  certifyUser,
  createOrganization,
  joinOrganization,
  memoryRootPins,
  signInWithPassphrase,
} from '../../web/src/lib/protocol/index.js';

/**
 * A center for the benchmarks, made through the real API with the real crypto: an admin and one
 * certified counselor signed in (their case context), and helpers to open cases and write notes.
 */

export const BENCH_COUNSELOR = {
  email: 'bench.counselor@tacit.example',
  passphrase: 'bench counselor passphrase 2026',
};
const NOTE_TEXT = '来访者描述了本周的睡眠与工作压力，讨论了应对策略与下周的练习。'.repeat(22);

export interface BenchCenter {
  baseURL: string;
  admin: ApiClient;
  counselor: CaseContext;
}

export async function seedCenter(baseURL: string): Promise<BenchCenter> {
  const pins = memoryRootPins();
  const admin = nodeApiClient(baseURL);
  const created = await createOrganization(admin, pins, {
    name: 'Bench Center',
    admin: {
      displayName: 'Admin',
      email: 'bench.admin@tacit.example',
      passphrase: 'bench admin passphrase 2026',
    },
    recovery: { threshold: 2, total: 3 },
  });
  await admin.send(
    'POST',
    '/api/invitations',
    { email: BENCH_COUNSELOR.email, roles: ['counselor'] },
    createInvitationResponseSchema,
  );
  const { emails } = await admin.get('/api/dev/outbox', outboxSchema);
  const token = /#token=([A-Za-z0-9_-]+)/.exec(emails[0]?.body ?? '')?.[1] ?? '';
  const joined = await joinOrganization(nodeApiClient(baseURL), pins, {
    token,
    displayName: '王芳',
    ...BENCH_COUNSELOR,
  });
  await certifyUser(admin, created.keys.orgRootSeed as Uint8Array, {
    id: joined.user.id,
    email: BENCH_COUNSELOR.email,
    x25519Pk: fromBase64Url(joined.user.x25519Pk),
    ed25519Pk: fromBase64Url(joined.user.ed25519Pk),
  });
  const api = nodeApiClient(baseURL);
  const signedIn = await signInWithPassphrase(api, pins, BENCH_COUNSELOR.email, BENCH_COUNSELOR.passphrase);
  const view = await api.get('/api/auth/session', sessionViewSchema);
  return {
    baseURL,
    admin,
    counselor: {
      api,
      orgId: view.org.id,
      rootPk: fromBase64Url(view.org.rootPk),
      recoveryPk: fromBase64Url(view.org.recoveryPk),
      me: { id: view.user.id, keys: signedIn.keys },
      checkpoints: memoryCaseCheckpoints(),
    },
  };
}

/** A client and a case of theirs, opened (its key unwrapped) by the counselor. */
export async function seedCase(context: CaseContext, name = '基准测试来访者'): Promise<OpenedCase> {
  const client = await createClient(context, { card: { name } });
  const { id } = await createCase(context, {
    clientId: client.id,
    serviceType: 'individual',
    channel: 'in_person',
  });
  return openCase(context, id);
}

/** The n-th session note of a case, ~2 KB of text (the figure the case-page targets assume). */
export function sessionNote(n: number): RecordWrite {
  return {
    form: sessionNoteForm,
    values: {
      session_date: '2026-11-20',
      // The form allows session numbers up to 500; the 2,000-note case repeats them.
      session_number: ((n - 1) % 500) + 1,
      duration_minutes: 50,
      modality: 'in_person',
      presenting_issues: `${n}. ${NOTE_TEXT}`,
      risk_level: 'none',
    },
  };
}

/** Writes notes 1..count, moving this writer's view of the head along after each. */
export async function seedNotes(context: CaseContext, opened: OpenedCase, count: number): Promise<void> {
  for (let n = 1; n <= count; n++) {
    const written = await writeRecord(context, opened, sessionNote(n));
    // Seeding only: this writer wrote the entry itself, so it moves its view of the head along.
    opened.view.case.logSeq = written.seq;
    opened.view.case.logHead = written.head;
  }
}
