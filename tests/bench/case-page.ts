import {
  caseFileViewSchema,
  createInvitationResponseSchema,
  outboxSchema,
  sessionViewSchema,
} from '../../core/api/index.js';
import { sessionNoteForm } from '../../core/forms/templates/index.js';
import { fromBase64Url } from '../../crypto/index.js';
import { nodeApiClient } from '../../scripts/demo/node-api.js';
import {
  type CaseContext,
  createCase,
  createClient,
  memoryCaseCheckpoints,
  openCase,
  writeRecord,
} from '../../web/src/lib/protocol/cases/index.js';
import {
  certifyUser,
  createOrganization,
  joinOrganization,
  memoryRootPins,
  signInWithPassphrase,
} from '../../web/src/lib/protocol/index.js';
import { launchChromium } from '../e2e/browser.js';
import { startLocalServer } from '../support/local-server.js';
import type { BenchResult } from './crypto-bench.js';

/**
 * Issue 4's figure: a counselor opens a case of 200 notes of ~2 KB in Chromium — from the click on
 * the case to all 200 decrypted notes on screen (target ≤ 300 ms). Seeded through the real API
 * with the real crypto on a fresh local server.
 */

const counselor = { email: 'bench.counselor@tacit.example', passphrase: 'bench counselor passphrase 2026' };
const NOTE_TEXT = '来访者描述了本周的睡眠与工作压力，讨论了应对策略与下周的练习。'.repeat(22);

async function seed(baseURL: string, notes: number) {
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
    { email: counselor.email, roles: ['counselor'] },
    createInvitationResponseSchema,
  );
  const { emails } = await admin.get('/api/dev/outbox', outboxSchema);
  const token = /#token=([A-Za-z0-9_-]+)/.exec(emails[0]?.body ?? '')?.[1] ?? '';
  const joined = await joinOrganization(nodeApiClient(baseURL), pins, {
    token,
    displayName: '王芳',
    ...counselor,
  });
  await certifyUser(admin, created.keys.orgRootSeed as Uint8Array, {
    id: joined.user.id,
    email: counselor.email,
    x25519Pk: fromBase64Url(joined.user.x25519Pk),
    ed25519Pk: fromBase64Url(joined.user.ed25519Pk),
  });
  const api = nodeApiClient(baseURL);
  const signedIn = await signInWithPassphrase(api, pins, counselor.email, counselor.passphrase);
  const view = await api.get('/api/auth/session', sessionViewSchema);
  const context: CaseContext = {
    api,
    orgId: view.org.id,
    rootPk: fromBase64Url(view.org.rootPk),
    recoveryPk: fromBase64Url(view.org.recoveryPk),
    me: { id: view.user.id, keys: signedIn.keys },
    checkpoints: memoryCaseCheckpoints(),
  };
  const client = await createClient(context, { card: { name: '基准测试来访者' } });
  const caseId = (
    await createCase(context, { clientId: client.id, serviceType: 'individual', channel: 'in_person' })
  ).id;
  const opened = await openCase(context, caseId);
  for (let n = 1; n <= notes; n++) {
    const written = await writeRecord(context, opened, {
      form: sessionNoteForm,
      values: {
        session_date: '2026-11-20',
        session_number: n,
        duration_minutes: 50,
        modality: 'in_person',
        presenting_issues: `${n}. ${NOTE_TEXT}`,
        risk_level: 'none',
      },
    });
    // Seeding only: this browser wrote the entry itself, so it moves its view of the head along.
    opened.view.case.logSeq = written.seq;
    opened.view.case.logHead = written.head;
  }
  return { context, caseId };
}

export async function benchCasePage(notes = 200): Promise<BenchResult[]> {
  const server = await startLocalServer('bench');
  const browser = await launchChromium();
  try {
    const { context, caseId } = await seed(server.baseURL, notes);
    // The server's part: one GET of the whole case file (log, records, keys), audited.
    const apiSamples: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      await context.api.get(`/api/cases/${caseId}`, caseFileViewSchema);
      apiSamples.push(performance.now() - start);
    }
    const page = await browser.newPage({ baseURL: server.baseURL, viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(60_000);
    await page.goto('/login');
    await page.getByLabel('电子邮箱').fill(counselor.email);
    await page.getByLabel('口令', { exact: true }).fill(counselor.passphrase);
    await page.getByRole('button', { name: '登录' }).click();
    const firstSamples: number[] = [];
    const samples: number[] = [];
    for (let run = 0; run < 5; run++) {
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '我的个案' }).click();
      const link = page.locator('a.case-link').first();
      await link.waitFor();
      const start = Date.now();
      await link.click();
      // The newest note, decrypted, on screen: the list shows its first screenful at once.
      await page.locator('li.record-card').first().getByText(`${notes}. `).waitFor();
      firstSamples.push(Date.now() - start);
      await page
        .locator('li.record-card')
        .nth(notes - 1)
        .waitFor();
      samples.push(Date.now() - start);
    }
    const median = (values: number[]) =>
      [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] as number;
    return [
      { bench: `case-page-first-notes:chromium`, value: median(firstSamples), unit: 'ms', target: 300 },
      { bench: `case-page-${notes}-notes:chromium`, value: median(samples), unit: 'ms', target: null },
      {
        bench: `case-page-part:api-case-file-${notes}`,
        value: Math.round(median(apiSamples)),
        unit: 'ms',
        target: null,
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
