import { beforeAll, describe, expect, it } from 'vitest';
import { bookingRequestListSchema } from '../../core/api/index.js';
import {
  closingSummaryForm,
  informedConsentForm,
  intakeForm,
  sessionNoteForm,
  supervisionReportForm,
} from '../../core/forms/templates/index.js';
import { fromBase64Url, openBookingRequest } from '../../crypto/index.js';
import { nodeApiClient } from '../../scripts/demo/node-api.js';
import {
  closeFrontDeskKey,
  createCase,
  createClient,
  listClientCards,
  openCase,
  openFrontDeskKey,
  requestAccess,
  uploadAttachment,
  writeRecord,
} from '../../web/src/lib/protocol/cases/index.js';
import { loadConfig, sendBookingRequest } from '../../web/src/widget/booking.js';
import { findLeaks } from './canary.js';
import {
  baseURL,
  Canaries,
  centerCanaries,
  itFindsNoCanary,
  member,
  signInAdmin,
  signInFrontDesk,
  storedBytes,
  storedPaths,
} from './center.js';

/**
 * Issue 4's privacy suite, cases: a canary in every secret field of every form, of the contact
 * card (the counselor's and the front desk's), of an attachment, an access request's note and a
 * website booking request, sent through the real API by the real browser code; then every byte
 * of the local D1 and R2 is searched for each canary in UTF-8, UTF-16, hex, base64 and base64url.
 * None may be there.
 */

describe('the database holds no plaintext of a case, a contact card or a booking request', () => {
  const canaries = new Canaries();
  const secret = (field: string) => canaries.secret(field);
  const visibleEmail = `counselor-${Date.now().toString(36)}@privacy.example`;

  beforeAll(async () => {
    centerCanaries(canaries);
    const admin = await signInAdmin();
    const counselor = await member(admin, canaries, visibleEmail, ['counselor']);
    const supervisor = await member(admin, canaries, 'supervisor@privacy.example', ['supervisor']);

    // The front desk's compartment: a card it registers reaches it through the group key.
    const frontDesk = await signInFrontDesk();
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
  });

  it('finds what the server may see (the search itself works), in D1 and in R2', async () => {
    expect(findLeaks(await storedBytes(), visibleEmail)).toContain('utf-8');
    const paths = await storedPaths();
    expect(paths.some((path) => /\bd1\b/.test(path))).toBe(true);
    expect(paths.some((path) => /\br2\b/.test(path))).toBe(true);
  });

  itFindsNoCanary(canaries, 25);
});
