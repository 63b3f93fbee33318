import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import {
  listArticles,
  openStaffKey,
  readArticleHistory,
  saveArticle,
} from '../../web/src/lib/protocol/knowledge/index.js';
import { tamper } from './support/factories.js';
import { caseContextFor } from './support/protocol-client.js';
import { addMember, setUpOrganization } from './support/scenario.js';

/** A reader's browser checks every article version and names the one that fails (issue 14). */

async function centerWithArticle() {
  const center = await setUpOrganization();
  const writer = await addMember(center, ['counselor']);
  const reader = await addMember(center, ['finance']);
  const writing = await caseContextFor(writer.browser, writer.account);
  const ring = await openStaffKey(writing);
  if (!ring) throw new Error('no staff key');
  const id = await saveArticle(writing, ring, {
    categoryId: null,
    text: { title: '转介名单', body: '- 精神卫生中心' },
  });
  await saveArticle(writing, ring, {
    categoryId: null,
    text: { title: '转介名单', body: '- 精神卫生中心\n- 安定医院' },
    previous: { id, version: 1 },
  });
  const reading = await caseContextFor(reader.browser, reader.account);
  const readerRing = await openStaffKey(reading);
  if (!readerRing) throw new Error('the reader holds no staff key');
  return { id, reading, readerRing };
}

const envelopeOf = async (id: string, version: number) =>
  (
    await env.DB.prepare('SELECT envelope FROM kb_article_versions WHERE article_id = ? AND version = ?')
      .bind(id, version)
      .first<{ envelope: string }>()
  )?.envelope ?? '';

describe('reading the knowledge base', () => {
  it('opens every version of an untouched article', async () => {
    const { id, reading, readerRing } = await centerWithArticle();
    const history = await readArticleHistory(reading, readerRing, id);
    expect(history.versions.map((entry) => entry.ok && entry.version.body)).toEqual([
      '- 精神卫生中心',
      '- 精神卫生中心\n- 安定医院',
    ]);
    const [entry] = await listArticles(reading, readerRing);
    expect(entry?.ok && entry.article.latest.version).toBe(2);
  });

  it('names an altered older version in the history and still opens the others', async () => {
    const { id, reading, readerRing } = await centerWithArticle();
    await env.DB.prepare('UPDATE kb_article_versions SET envelope = ? WHERE article_id = ? AND version = 1')
      .bind(tamper(await envelopeOf(id, 1)), id)
      .run();
    const history = await readArticleHistory(reading, readerRing, id);
    expect(history.versions[0]).toMatchObject({ ok: false, problem: 'bad-signature' });
    expect(history.versions[1]?.ok).toBe(true);
  });

  it('reports, never shows, a current version whose envelope the server replaced with an older one', async () => {
    const { id, reading, readerRing } = await centerWithArticle();
    await env.DB.prepare('UPDATE kb_article_versions SET envelope = ? WHERE article_id = ? AND version = 2')
      .bind(await envelopeOf(id, 1), id)
      .run();
    const [entry] = await listArticles(reading, readerRing);
    expect(entry).toMatchObject({ ok: false, problem: 'bad-signature' });
  });
});
