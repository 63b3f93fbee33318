import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FormValues } from '../../core/forms/index.js';
import { toBase64Url } from '../../crypto/bytes.js';
import { generateKeyPair } from '../../crypto/hpke.js';
import {
  type CaseContext,
  createCase,
  createClient,
  openCase,
} from '../../web/src/lib/protocol/cases/index.js';
import {
  createPortalLink,
  fetchCasePortal,
  openPortalForm,
  openSubmission,
  type PortalLink,
  parsePortalFragment,
  submitPortalForm,
} from '../../web/src/lib/protocol/portal/index.js';
import { codeOf } from './support/case-notes.js';
import { Browser } from './support/client.js';
import { apiClientFor, caseContextFor } from './support/protocol-client.js';
import { addMember, setUpOrganization } from './support/scenario.js';

/**
 * The client portal against a server that edits its own database (PROTOCOL threat model): a
 * substituted inbox key, an edited score and swapped answers are each caught by a browser.
 */

const run = (sql: string, ...values: unknown[]) =>
  env.DB.prepare(sql)
    .bind(...values)
    .run();

const answers = (item9: number): FormValues => ({
  completed_on: '2026-11-20',
  ...Object.fromEntries(Array.from({ length: 8 }, (_, index) => [`phq9_${index + 1}`, 1])),
  phq9_9: item9,
});

describe('the portal against a malicious server', () => {
  let counselor: CaseContext;
  let caseId: string;
  const client = () => apiClientFor(new Browser());

  async function newLink(): Promise<PortalLink> {
    const opened = await openCase(counselor, caseId);
    const made = await createPortalLink(counselor, opened, 'phq-9@1', 24, 'http://localhost:8787');
    const link = parsePortalFragment(new URL(made.url).hash);
    if (!link) throw new Error('no token in the link');
    return link;
  }

  async function fill(link: PortalLink, values: FormValues) {
    const api = client();
    await submitPortalForm(api, link, await openPortalForm(api, link), values);
  }

  beforeEach(async () => {
    const center = await setUpOrganization();
    const member = await addMember(center, ['counselor']);
    counselor = await caseContextFor(member.browser, member.account);
    const person = await createClient(counselor, { card: { name: '林小雨' } });
    caseId = (
      await createCase(counselor, { clientId: person.id, serviceType: 'individual', channel: 'video' })
    ).id;
  });

  it('puts the inbox key the counselor’s browser verified into the link, and the client refuses another', async () => {
    const link = await newLink();
    const attacker = generateKeyPair();
    await run(
      'UPDATE case_epochs SET inbox_pk = ? WHERE case_id = ?',
      toBase64Url(attacker.publicKey),
      caseId,
    );

    expect(await codeOf(openPortalForm(client(), link))).toBe('altered');
    expect(await codeOf(newLink())).toBe('altered');
  });

  it('opens honest answers with the item-9 risk flag, and catches an edited score', async () => {
    await fill(await newLink(), answers(2));
    let [submission] = (await fetchCasePortal(counselor, caseId)).submissions;
    const honest = openSubmission(await openCase(counselor, caseId), submission ?? (undefined as never));
    expect(honest.check).toBe('ok');
    expect(honest.values.phq9_total).toBe(10);
    expect(honest.risks).toHaveLength(1);

    await run(
      `UPDATE portal_submissions SET operational = '{"completed_on":"2026-11-20","phq9_total":3}' WHERE case_id = ?`,
      caseId,
    );
    [submission] = (await fetchCasePortal(counselor, caseId)).submissions;
    const edited = openSubmission(await openCase(counselor, caseId), submission ?? (undefined as never));
    expect(edited.check).toBe('operational_altered');
  });

  it('cannot open answers moved from one submission to another', async () => {
    await fill(await newLink(), answers(0));
    await fill(await newLink(), answers(1));
    const rows = await env.DB.prepare(
      'SELECT id, enc, ct FROM portal_submissions ORDER BY submitted_at',
    ).all<{
      id: string;
      enc: string;
      ct: string;
    }>();
    const [first, second] = rows.results;
    await run(
      'UPDATE portal_submissions SET enc = ?, ct = ? WHERE id = ?',
      first?.enc,
      first?.ct,
      second?.id,
    );

    const opened = await openCase(counselor, caseId);
    const checks = (await fetchCasePortal(counselor, caseId)).submissions.map(
      (submission) => [submission.id, openSubmission(opened, submission).check] as const,
    );
    expect(new Map(checks).get(second?.id ?? '')).toBe('unreadable');
    expect(new Map(checks).get(first?.id ?? '')).toBe('ok');
  });
});
