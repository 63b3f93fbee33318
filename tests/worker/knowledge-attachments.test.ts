import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from '../../crypto/bytes.js';
import type { CaseContext } from '../../web/src/lib/protocol/cases/index.js';
import {
  downloadArticleAttachment,
  openStaffKey,
  type StaffKeyRing,
  saveArticle,
  uploadArticleAttachment,
} from '../../web/src/lib/protocol/knowledge/index.js';
import { codeOf } from './support/case-notes.js';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { caseContextFor } from './support/protocol-client.js';
import { addMember, type Member, type Organization, setUpOrganization } from './support/scenario.js';

/** Knowledge-base attachments (issue 14): 64 KiB chunks under the staff key, in R2. */

async function ringOf(context: CaseContext): Promise<StaffKeyRing> {
  const ring = await openStaffKey(context);
  if (!ring) throw new Error('no staff key');
  return ring;
}

describe('knowledge-base attachments', () => {
  let center: Organization;
  let counselor: Member;
  let writer: CaseContext;
  let writerRing: StaffKeyRing;
  let finance: Member;
  let colleague: Member;
  let articleId: string;

  beforeEach(async () => {
    center = await setUpOrganization();
    counselor = await addMember(center, ['counselor']);
    finance = await addMember(center, ['finance']);
    colleague = await addMember(center, ['supervisor']);
    writer = await caseContextFor(counselor.browser, counselor.account);
    writerRing = await ringOf(writer);
    articleId = await saveArticle(writer, writerRing, {
      categoryId: null,
      text: { title: '转介名单', body: '- 精神卫生中心' },
    });
  });

  const base = () => `/api/knowledge/articles/${articleId}/attachments`;

  it('round-trips files of several chunks, exactly one chunk and none; any staff member reads them', async () => {
    const reader = await caseContextFor(finance.browser, finance.account);
    const readerRing = await ringOf(reader);
    for (const size of [150_000, 64 * 1024, 0]) {
      const data = randomBytes(size);
      const uploaded = await uploadArticleAttachment(writer, writerRing, articleId, data);
      expect(uploaded).toMatchObject({ articleId, size, epoch: 0 });
      expect(uploaded.completedAt).not.toBeNull();
      expect(await downloadArticleAttachment(reader, readerRing, articleId, uploaded.id)).toEqual(data);
    }
  });

  it('stores only ciphertext in R2', async () => {
    const marker = new TextEncoder().encode('危机干预流程附件'.repeat(200));
    const uploaded = await uploadArticleAttachment(writer, writerRing, articleId, marker);
    const stored = await env.ATTACHMENTS.get(`kb/${articleId}/${uploaded.id}/0`);
    const text = (await stored?.text()) ?? '';
    expect(text.length).toBeGreaterThan(0);
    expect(Buffer.from(text, 'base64url').includes(Buffer.from('危机干预'))).toBe(false);
  });

  it('refuses chunks the server reordered, dropped or moved to another article', async () => {
    const uploaded = await uploadArticleAttachment(writer, writerRing, articleId, randomBytes(150_000));
    const key = (i: number) => `kb/${articleId}/${uploaded.id}/${i}`;
    const [first, second] = await Promise.all([env.ATTACHMENTS.get(key(0)), env.ATTACHMENTS.get(key(1))]);
    const firstText = (await first?.text()) ?? '';
    await env.ATTACHMENTS.put(key(0), (await second?.text()) ?? '');
    await env.ATTACHMENTS.put(key(1), firstText);
    expect(await codeOf(downloadArticleAttachment(writer, writerRing, articleId, uploaded.id))).toBe(
      'wrong-key',
    );

    const truncated = await uploadArticleAttachment(writer, writerRing, articleId, randomBytes(150_000));
    await env.DB.prepare('UPDATE kb_attachments SET chunk_count = 2, size = ? WHERE id = ?')
      .bind(2 * 64 * 1024, truncated.id)
      .run();
    expect(await codeOf(downloadArticleAttachment(writer, writerRing, articleId, truncated.id))).toBe(
      'tampered',
    );

    const other = await saveArticle(writer, writerRing, {
      categoryId: null,
      text: { title: 'b', body: 'c' },
    });
    const moved = await uploadArticleAttachment(writer, writerRing, other, randomBytes(10));
    await env.DB.prepare('UPDATE kb_attachments SET article_id = ? WHERE id = ?')
      .bind(articleId, moved.id)
      .run();
    const stored = await env.ATTACHMENTS.get(`kb/${other}/${moved.id}/0`);
    await env.ATTACHMENTS.put(`kb/${articleId}/${moved.id}/0`, (await stored?.text()) ?? '');
    expect(await codeOf(downloadArticleAttachment(writer, writerRing, articleId, moved.id))).toBe(
      'wrong-key',
    );
  });

  it('refuses the unauthenticated, the wrong role, the uncertified, non-holders and unknown articles, writing nothing', async () => {
    const stranger = await addMember(center, ['counselor']);
    const uncertified = await addMember(center, ['counselor'], { certified: false });
    const body = { id: crypto.randomUUID(), epoch: 0, size: 10, chunkCount: 1 };
    const before = await snapshotCounts();
    expect((await new Browser().post(base(), body)).status).toBe(401);
    const wrongRole = await finance.browser.post(base(), body);
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.error.code).toBe('forbidden');
    expect((await uncertified.browser.post(base(), body)).body.error.code).toBe('not_certified');
    // Joined after the staff key was shared: no holder has wrapped it to them yet.
    const notHolder = await stranger.browser.post(base(), body);
    expect(notHolder.status).toBe(403);
    expect(notHolder.body.error.code).toBe('no_staff_key');
    const unknown = await colleague.browser.post(
      `/api/knowledge/articles/${crypto.randomUUID()}/attachments`,
      body,
    );
    expect(unknown.status).toBe(404);
    expect(await snapshotCounts()).toEqual(before);
  });

  it('refuses malformed uploads, chunks of the wrong size, foreign chunks and reads before completion', async () => {
    const id = crypto.randomUUID();
    const before = await snapshotCounts();
    const send = (method: 'POST' | 'PUT', path: string, json?: unknown) =>
      counselor.browser.request(method, path, json === undefined ? {} : { json });
    expect((await send('POST', base(), { id, epoch: 0, size: 10, chunkCount: 2 })).status).toBe(400);
    expect((await send('POST', base(), { epoch: 0, size: 10, chunkCount: 1 })).status).toBe(400);
    expect((await send('POST', base(), { id, epoch: 1, size: 10, chunkCount: 1 })).status).toBe(409);
    const tooBig = await send('POST', base(), { id, epoch: 0, size: 26 * 1024 * 1024, chunkCount: 416 });
    expect(tooBig.status).toBe(413);
    expect(await snapshotCounts()).toEqual(before);

    expect((await send('POST', base(), { id, epoch: 0, size: 10, chunkCount: 1 })).status).toBe(201);
    const wrongSize = await send('PUT', `${base()}/${id}/chunks/0`, { envelope: 'AAAA' });
    expect(wrongSize.status).toBe(400);
    expect((await send('PUT', `${base()}/${id}/chunks/1`, { envelope: 'AAAA' })).status).toBe(400);
    expect((await send('PUT', `${base()}/${id}/chunks/x`, { envelope: 'AAAA' })).status).toBe(400);
    const foreign = await colleague.browser.put(`${base()}/${id}/chunks/0`, {
      envelope: Buffer.alloc(84).toString('base64url'),
    });
    expect(foreign.status).toBe(409);
    const early = await colleague.browser.get(`${base()}/${id}/chunks/0`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('incomplete');
    const incomplete = await send('POST', `${base()}/${id}/complete`);
    expect(incomplete.status).toBe(409);
    expect((await new Browser().get(`${base()}/${id}`)).status).toBe(401);
    expect((await colleague.browser.get(`${base()}/${crypto.randomUUID()}`)).status).toBe(404);
  });
});
