import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  bookingRequestListSchema,
  createInvitationResponseSchema,
  outboxSchema,
  type Role,
  sessionViewSchema,
} from '../../core/api/index.js';
import {
  closingSummaryForm,
  informedConsentForm,
  intakeForm,
  sessionNoteForm,
  supervisionReportForm,
} from '../../core/forms/templates/index.js';
import { fromBase64Url, openBookingRequest, type UserKeys } from '../../crypto/index.js';
import { nodeApiClient } from '../../scripts/demo/node-api.js';
import type { ApiClient } from '../../web/src/lib/api-client.js';
import {
  type CaseContext,
  closeFrontDeskKey,
  createCase,
  createClient,
  createFrontDeskGroup,
  listClientCards,
  memoryCaseCheckpoints,
  openCase,
  openFrontDeskKey,
  requestAccess,
  uploadAttachment,
  writeRecord,
} from '../../web/src/lib/protocol/cases/index.js';
import {
  closeConference,
  openConference,
  postConferenceMessage,
  readConferenceThread,
  unlockConference,
} from '../../web/src/lib/protocol/conferences/index.js';
import {
  certifyUser,
  createOrganization,
  joinOrganization,
  memoryRootPins,
  signInWithPassphrase,
} from '../../web/src/lib/protocol/index.js';
import {
  articleHistory,
  closeStaffKey,
  downloadArticleAttachment,
  openStaffKey,
  saveArticle,
  uploadArticleAttachment,
} from '../../web/src/lib/protocol/knowledge/index.js';
import { loadConfig, sendBookingRequest } from '../../web/src/widget/booking.js';
import { canary, findLeaks } from './canary.js';
import { fillThroughPortal } from './portal.js';

/**
 * Issue 4's privacy suite: a canary in every secret field of every form and of the contact card,
 * sent through the real API by the real browser code, then every byte of the local D1 is searched
 * for each canary in UTF-8, UTF-16, hex, base64 and base64url. None may be there.
 */

const baseURL = inject('privacyBaseURL');
const stateDir = inject('privacyStateDir');
const pins = memoryRootPins();
const canaries = new Map<string, string>();
const secret = (field: string) => {
  const value = canary(field);
  canaries.set(field, value);
  return value;
};

async function storedBytes(): Promise<Buffer> {
  const files = await readdir(stateDir, { recursive: true, withFileTypes: true });
  const contents = await Promise.all(
    files.filter((file) => file.isFile()).map((file) => readFile(join(file.parentPath, file.name))),
  );
  return Buffer.concat(contents);
}

async function member(
  admin: ApiClient,
  rootSeed: Uint8Array,
  email: string,
  roles: Role[],
  passphrase: string,
) {
  await admin.send('POST', '/api/invitations', { email, roles }, createInvitationResponseSchema);
  const { emails } = await admin.get('/api/dev/outbox', outboxSchema);
  const token = /#token=([A-Za-z0-9_-]+)/.exec(emails.find((e) => e.to === email)?.body ?? '')?.[1] ?? '';
  const joined = await joinOrganization(nodeApiClient(baseURL), pins, {
    token,
    displayName: roles[0] ?? 'x',
    passphrase,
  });
  canaries.set(`recovery-code-${roles[0]}`, joined.recoveryCode);
  await certifyUser(admin, rootSeed, {
    id: joined.user.id,
    email,
    x25519Pk: fromBase64Url(joined.user.x25519Pk),
    ed25519Pk: fromBase64Url(joined.user.ed25519Pk),
  });
  const api = nodeApiClient(baseURL);
  const signedIn = await signInWithPassphrase(api, pins, email, passphrase);
  return contextOf(api, signedIn.keys);
}

async function contextOf(api: ApiClient, keys: UserKeys): Promise<CaseContext> {
  const view = await api.get('/api/auth/session', sessionViewSchema);
  return {
    api,
    orgId: view.org.id,
    rootPk: fromBase64Url(view.org.rootPk),
    recoveryPk: fromBase64Url(view.org.recoveryPk),
    me: { id: view.user.id, keys },
    checkpoints: memoryCaseCheckpoints(),
  };
}

describe('the database holds no plaintext of any secret field', () => {
  const visibleEmail = `counselor-${Date.now().toString(36)}@privacy.example`;

  beforeAll(async () => {
    const adminApi = nodeApiClient(baseURL);
    const created = await createOrganization(adminApi, pins, {
      name: '隐私测试中心',
      admin: { displayName: 'Admin', email: 'admin@privacy.example', passphrase: secret('admin-passphrase') },
      recovery: { threshold: 2, total: 3 },
    });
    canaries.set('admin-recovery-code', created.recoveryCode);
    for (const share of created.recoveryShares) canaries.set(`recovery-share-${share.index}`, share.text);
    const rootSeed = created.keys.orgRootSeed as Uint8Array;

    const counselor = await member(
      adminApi,
      rootSeed,
      visibleEmail,
      ['counselor'],
      secret('counselor-passphrase'),
    );
    const supervisor = await member(
      adminApi,
      rootSeed,
      'supervisor@privacy.example',
      ['supervisor'],
      secret('supervisor-passphrase'),
    );

    // The front desk's compartment: a card it registers reaches it through the group key.
    const frontDesk = await member(
      adminApi,
      rootSeed,
      'desk@privacy.example',
      ['frontdesk'],
      secret('frontdesk-passphrase'),
    );
    await createFrontDeskGroup(await contextOf(adminApi, created.keys), '前台');
    await createClient(frontDesk, {
      channel: 'phone',
      card: { name: secret('frontdesk-card-name'), phone: secret('frontdesk-card-phone') },
    });
    const deskKey = await openFrontDeskKey(frontDesk);
    const deskCards = await listClientCards(frontDesk, deskKey);
    expect(deskCards.map((entry) => entry.card?.name)).toContain(canaries.get('frontdesk-card-name'));

    const client = await createClient(counselor, {
      channel: 'website',
      card: {
        name: secret('contact-name'),
        phone: secret('contact-phone'),
        email: secret('contact-email'),
        emergency_contact: secret('contact-emergency'),
        address: secret('contact-address'),
      },
    });
    const caseId = (
      await createCase(counselor, { clientId: client.id, serviceType: 'individual', channel: 'in_person' })
    ).id;

    const intakeValues: Record<string, unknown> = {
      intake_date: '2026-11-09',
      referral_source: 'website',
      service_type: 'individual',
      previous_treatment: true,
      medication: true,
      suicidal_ideation: 'passive',
      planned_sessions: 8,
    };
    const noteValues: Record<string, unknown> = {
      session_date: '2026-11-16',
      session_number: 1,
      duration_minutes: 50,
      modality: 'video',
      risk_level: 'low',
    };
    const consentValues: Record<string, unknown> = {
      understood_confidentiality: true,
      understood_records: true,
      is_minor: true,
      signed_date: '2026-11-09',
    };
    const supervisionValues: Record<string, unknown> = {
      supervision_date: '2026-11-20',
      supervision_format: 'individual',
      duration_minutes: 60,
      risk_discussed: true,
    };
    // The closing summary (结案小结): a referral made, so its details field shows and is filled too.
    const closingValues: Record<string, unknown> = {
      closing_date: '2026-11-25',
      closing_reason: 'referred',
      sessions_planned: 10,
      sessions_held: 9,
      referral_made: true,
    };
    for (const [form, values] of [
      [intakeForm, intakeValues],
      [sessionNoteForm, noteValues],
      [informedConsentForm, consentValues],
      [supervisionReportForm, supervisionValues],
      [closingSummaryForm, closingValues],
    ] as const) {
      for (const field of form.fields) {
        if (field.sensitivity === 'secret' && (field.type === 'text' || field.type === 'longText')) {
          values[field.id] = secret(`${form.id}.${field.id}`);
        }
        // a drawn signature is a PNG data URL: the canary rides inside its base64
        if (field.type === 'signature') {
          const drawn = Buffer.from(secret(`${form.id}.${field.id}`)).toString('base64');
          values[field.id] = `data:image/png;base64,${drawn}`;
        }
      }
      await writeRecord(counselor, await openCase(counselor, caseId), { form, values });
    }
    // A scanned document: its bytes go to R2, encrypted in chunks.
    const scan = new TextEncoder().encode(`${secret('attachment-content')} `.repeat(3000));
    await uploadAttachment(counselor, await openCase(counselor, caseId), scan);
    const people = (await openCase(counselor, caseId)).people;
    await requestAccess(supervisor, {
      caseId,
      reason: 'supervision',
      perm: 'read',
      durationMs: 86_400_000,
      note: {
        text: secret('access-note'),
        counselorId: counselor.me.id,
        counselorX25519Pk: people.get(counselor.me.id)?.x25519Pk as Uint8Array,
      },
    });

    // A client without an account, through portal links: sealed to the case inbox key, then filed.
    const survey = await fillThroughPortal(counselor, baseURL, caseId, 'satisfaction-survey@1', {
      overall_satisfaction: 2,
      comments: secret('portal.satisfaction.comments'),
    });
    expect(survey.comments).toBe(canaries.get('portal.satisfaction.comments'));
    const drawn = secret('portal.consent.signature');
    await fillThroughPortal(counselor, baseURL, caseId, 'informed-consent@1', {
      understood_confidentiality: true,
      understood_records: true,
      client_name: secret('portal.consent.client_name'),
      client_signature: `data:image/png;base64,${Buffer.from(drawn).toString('base64')}`,
      signed_date: '2026-11-20',
    });

    // A website visitor's booking request, sealed by the widget's code to the front-desk key.
    const visitor = nodeApiClient(baseURL);
    await sendBookingRequest(
      visitor,
      await loadConfig(visitor),
      { channel: 'website', utm: { source: 'privacy-newsletter' } },
      {
        content: {
          name: secret('booking-name'),
          contact: secret('booking-contact'),
          concern: secret('booking-concern'),
        },
        serviceId: null,
        slotStart: null,
        honeypot: '',
        turnstileToken: null,
      },
    );
    const bookingKey = await openFrontDeskKey(frontDesk);
    const [booking] = (await frontDesk.api.get('/api/booking-requests', bookingRequestListSchema)).requests;
    if (!bookingKey || !booking) throw new Error('the front desk cannot see the booking request');
    const sealed = { enc: fromBase64Url(booking.sealed.enc), ct: fromBase64Url(booking.sealed.ct) };
    expect(openBookingRequest(bookingKey.secretKey, frontDesk.orgId, booking.id, sealed)).toMatchObject({
      name: canaries.get('booking-name'),
      concern: canaries.get('booking-concern'),
    });
    closeFrontDeskKey(bookingKey);

    // A case conference (issue 14), through the browser's conference module: opened with a
    // sealed title and de-identified summary, a message mentioning the supervisor, then read
    // back by the supervisor's browser and verified.
    const conferenceId = await openConference(counselor, {
      caseId,
      participantIds: [supervisor.me.id],
      expiresAt: 0,
      title: secret('conference-title'),
      summary: secret('conference-summary'),
    });
    const writing = await unlockConference(counselor, conferenceId);
    await postConferenceMessage(
      counselor,
      writing,
      {
        v: 1,
        kind: 'message',
        text: secret('conference-message'),
        replyTo: null,
        mentions: [supervisor.me.id],
      },
      [supervisor.me.id],
    );
    closeConference(writing);
    const reading = await unlockConference(supervisor, conferenceId);
    const thread = await readConferenceThread(supervisor, reading, { get: () => undefined, set: () => {} });
    closeConference(reading);
    expect(thread.warnings).toEqual([]);
    expect(thread.entries.map((entry) => (entry.ok ? entry.body : entry.problem))).toEqual([
      {
        v: 1,
        kind: 'opening',
        title: canaries.get('conference-title'),
        summary: canaries.get('conference-summary'),
      },
      {
        v: 1,
        kind: 'message',
        text: canaries.get('conference-message'),
        replyTo: null,
        mentions: [supervisor.me.id],
      },
    ]);

    // The knowledge base (issue 14): an article's title, body and a second version under the
    // staff key, made by the counselor's browser, then read back by the supervisor's.
    const ring = await openStaffKey(counselor);
    if (!ring) throw new Error('the counselor could not make the staff key');
    const articleId = await saveArticle(counselor, ring, {
      categoryId: null,
      text: { title: secret('kb-title'), body: `# ${secret('kb-body')}` },
    });
    await saveArticle(counselor, ring, {
      categoryId: null,
      text: { title: canaries.get('kb-title') ?? '', body: secret('kb-body-v2') },
      previous: { id: articleId, version: 1 },
    });
    // An article's attachment: its bytes go to R2 in chunks under the staff key.
    const kbFile = new TextEncoder().encode(`${secret('kb-attachment')} `.repeat(3000));
    const kbUpload = await uploadArticleAttachment(counselor, ring, articleId, kbFile);
    closeStaffKey(ring);
    const readerRing = await openStaffKey(supervisor);
    if (!readerRing) throw new Error('the supervisor holds no staff key');
    const history = await articleHistory(supervisor, readerRing, articleId);
    const kbDownload = await downloadArticleAttachment(supervisor, readerRing, articleId, kbUpload.id);
    closeStaffKey(readerRing);
    expect(kbDownload).toEqual(kbFile);
    expect(history.versions.map((version) => version.body)).toEqual([
      `# ${canaries.get('kb-body')}`,
      canaries.get('kb-body-v2'),
    ]);
    expect(history.article.latest.title).toBe(canaries.get('kb-title'));

    // The browser reads everything back: the canaries are really in the file.
    const opened = await openCase(counselor, caseId);
    const written = opened.records.flatMap((record) => Object.values(record.fields));
    expect(written).toContain(canaries.get('session-note.presenting_issues'));
    expect(written).toContain(canaries.get('intake.chief_complaint'));
    expect(written).toContain(canaries.get('supervision-report.case_summary'));
    for (const field of [
      'presenting_problem',
      'course_of_work',
      'outcome',
      'referral_details',
      'recommendations',
    ]) {
      expect(written).toContain(canaries.get(`closing-summary.${field}`));
    }
    expect(written).toContain(
      `data:image/png;base64,${Buffer.from(canaries.get('informed-consent.client_signature') ?? '').toString('base64')}`,
    );
    expect(written).toContain(canaries.get('portal.consent.client_name'));
  }, 180_000);

  it('finds what the server may see (the search itself works), in D1 and in R2', async () => {
    expect(findLeaks(await storedBytes(), visibleEmail)).toContain('utf-8');
    const paths = (await readdir(stateDir, { recursive: true })).map(String);
    expect(paths.some((path) => /\bd1\b/.test(path))).toBe(true);
    expect(paths.some((path) => /\br2\b/.test(path))).toBe(true);
  });

  it('finds no canary of any secret field, card, passphrase, recovery code or note in any encoding', async () => {
    const bytes = await storedBytes();
    expect(canaries.size).toBeGreaterThan(25);
    const leaks = [...canaries].flatMap(([field, value]) =>
      findLeaks(bytes, value).map((encoding) => `${field} as ${encoding}`),
    );
    expect(leaks).toEqual([]);
  });
});
