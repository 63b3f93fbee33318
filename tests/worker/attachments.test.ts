import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from '../../crypto/bytes.js';
import {
  type CaseContext,
  createCase,
  createClient,
  downloadAttachment,
  openCase,
  uploadAttachment,
} from '../../web/src/lib/protocol/cases/index.js';
import { codeOf } from './support/case-notes.js';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { caseContextFor } from './support/protocol-client.js';
import { addMember, type Member, setUpOrganization } from './support/scenario.js';

/** Encrypted attachments in R2 (issue 4): sealed in the browser in 64 KiB chunks. */

describe('attachments', () => {
  let counselor: CaseContext;
  let counselorBrowser: Browser;
  let stranger: Member;
  let caseId: string;

  beforeEach(async () => {
    const center = await setUpOrganization();
    const member = await addMember(center, ['counselor']);
    stranger = await addMember(center, ['counselor']);
    counselorBrowser = member.browser;
    counselor = await caseContextFor(member.browser, member.account);
    const client = await createClient(counselor, { card: { name: '附件测试' } });
    caseId = (
      await createCase(counselor, { clientId: client.id, serviceType: 'individual', channel: 'in_person' })
    ).id;
  });

  it('round-trips files of several chunks, exactly one chunk and none', async () => {
    const opened = await openCase(counselor, caseId);
    for (const size of [150_000, 64 * 1024, 0]) {
      const data = randomBytes(size);
      const uploaded = await uploadAttachment(counselor, opened, data);
      expect(uploaded.completedAt).not.toBeNull();
      expect(await downloadAttachment(counselor, opened, uploaded.id)).toEqual(data);
    }
  });

  it('stores only ciphertext in R2', async () => {
    const opened = await openCase(counselor, caseId);
    const marker = new TextEncoder().encode('扫描的知情同意书'.repeat(200));
    const uploaded = await uploadAttachment(counselor, opened, marker);
    const stored = await env.ATTACHMENTS.get(`cases/${caseId}/attachments/${uploaded.id}/0`);
    const text = (await stored?.text()) ?? '';
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain('扫描');
    expect(Buffer.from(text, 'base64url').includes(Buffer.from('扫描'))).toBe(false);
  });

  it('notices a chunk the server dropped while claiming a shorter file', async () => {
    const opened = await openCase(counselor, caseId);
    const uploaded = await uploadAttachment(counselor, opened, randomBytes(150_000));
    await env.ATTACHMENTS.delete(`cases/${caseId}/attachments/${uploaded.id}/2`);
    await env.DB.prepare('UPDATE attachments SET chunk_count = 2, size = ? WHERE id = ?')
      .bind(2 * 64 * 1024, uploaded.id)
      .run();
    expect(await codeOf(downloadAttachment(counselor, opened, uploaded.id))).toBe('tampered');
  });

  it('refuses strangers, oversized files, chunks of the wrong size and reads before completion', async () => {
    const opened = await openCase(counselor, caseId);
    const id = crypto.randomUUID();
    const base = `/api/cases/${caseId}/attachments`;
    const before = await snapshotCounts();
    expect((await new Browser().post(base, { id, epoch: 0, size: 10, chunkCount: 1 })).status).toBe(401);
    expect((await stranger.browser.post(base, { id, epoch: 0, size: 10, chunkCount: 1 })).status).toBe(404);
    const tooBig = await counselorBrowser.post(base, {
      id,
      epoch: 0,
      size: 26 * 1024 * 1024,
      chunkCount: 416,
    });
    expect(tooBig.body.error.code).toBe('payload_too_large');
    expect((await counselorBrowser.post(base, { id, epoch: 0, size: 'ten' })).status).toBe(400);
    expect(await snapshotCounts()).toEqual(before);

    const uploaded = await uploadAttachment(counselor, opened, randomBytes(10));
    const closed = await counselorBrowser.request('PUT', `${base}/${uploaded.id}/chunks/0`, {
      json: { envelope: 'AAAA' },
    });
    expect(closed.body.error.code).toBe('conflict');
    const stillOpen = crypto.randomUUID();
    expect(
      (await counselorBrowser.post(base, { id: stillOpen, epoch: 0, size: 10, chunkCount: 1 })).status,
    ).toBe(201);
    const short = await counselorBrowser.request('PUT', `${base}/${stillOpen}/chunks/0`, {
      json: { envelope: 'AAAA' },
    });
    expect(short.body.error.code).toBe('invalid_request');
    expect(await codeOf(downloadAttachment(counselor, opened, stillOpen))).toBe('incomplete');
  });
});
