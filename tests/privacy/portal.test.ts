import { beforeAll, describe, expect } from 'vitest';
import { createCase, createClient, openCase } from '../../web/src/lib/protocol/cases/index.js';
import { baseURL, Canaries, itFindsNoCanary, member, signInAdmin } from './center.js';
import { fillThroughPortal } from './portal.js';

/**
 * Issue 4's privacy suite, the client portal: a client without an account fills forms through
 * one-time links, sealed to the case inbox key, and the counselor files them; none of the
 * canaries in their secret fields may be among the bytes the server stored.
 */

describe('the database holds no plaintext of what a client sends through the portal', () => {
  const canaries = new Canaries();
  const secret = (field: string) => canaries.secret(field);

  beforeAll(async () => {
    const admin = await signInAdmin();
    const counselor = await member(admin, canaries, 'counselor@privacy-portal.example', ['counselor']);
    const client = await createClient(counselor, {
      channel: 'website',
      card: { name: secret('portal.contact-name'), phone: secret('portal.contact-phone') },
    });
    const caseId = (
      await createCase(counselor, { clientId: client.id, serviceType: 'individual', channel: 'in_person' })
    ).id;

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

    // The counselor's browser reads the filed submission back: the canaries are really in the file.
    const opened = await openCase(counselor, caseId);
    const written = opened.records.flatMap((record) => Object.values(record.fields));
    expect(written).toContain(canaries.get('portal.consent.client_name'));
  });

  itFindsNoCanary(canaries, 7);
});
