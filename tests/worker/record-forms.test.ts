import { describe, expect, it } from 'vitest';
import { appendNote, openCase } from './support/case-files.js';
import { snapshotCounts } from './support/database.js';
import { addMember, setUpOrganization } from './support/scenario.js';

/** The server checks a record's operational part against the published form it names. */

async function counselorWithCase() {
  const center = await setUpOrganization();
  const counselor = await addMember(center, ['counselor']);
  return { counselor, file: await openCase(center, counselor) };
}

const intake = {
  intake_date: '2026-11-09',
  referral_source: 'website',
  service_type: 'individual',
  planned_sessions: 8,
};

describe('operational fields checked against the form', () => {
  it('accepts the operational part of a built-in form', async () => {
    const { counselor, file } = await counselorWithCase();
    const { res } = await appendNote(file, counselor, { form: 'intake@1', operational: intake });
    expect(res.status).toBe(201);
  });

  it('refuses free text smuggled into the operational part, and writes nothing', async () => {
    const { counselor, file } = await counselorWithCase();
    const before = await snapshotCounts();
    const { res } = await appendNote(file, counselor, {
      form: 'intake@1',
      operational: { ...intake, chief_complaint: 'insomnia' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('operational_mismatch');
    expect(res.body.error.message).toContain('chief_complaint: not_operational');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('refuses a missing required field, a value outside its options and an unknown form', async () => {
    const { counselor, file } = await counselorWithCase();
    const { intake_date: _, ...withoutDate } = intake;
    const missing = await appendNote(file, counselor, { form: 'intake@1', operational: withoutDate });
    expect(missing.res.body.error).toMatchObject({ code: 'operational_mismatch' });
    expect(missing.res.body.error.message).toContain('intake_date: required');

    const wrongOption = await appendNote(file, counselor, {
      form: 'intake@1',
      operational: { ...intake, referral_source: 'billboard' },
    });
    expect(wrongOption.res.body.error.message).toContain('referral_source: invalid');

    const unknown = await appendNote(file, counselor, { form: 'my-form@1', operational: {} });
    expect(unknown.res.status).toBe(400);
    expect(unknown.res.body.error.code).toBe('unknown_form');
  });
});
