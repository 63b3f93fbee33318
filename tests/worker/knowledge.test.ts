import { describe, expect, it } from 'vitest';
import { fromBase64Url, fromUtf8 } from '../../crypto/bytes.js';
import { openArticleVersion } from '../../crypto/knowledge.js';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { tamper } from './support/factories.js';
import { articleRequest, createStaffKey, sealedVersion, writeArticle } from './support/knowledge.js';
import { addMember, type Member, setUpOrganization } from './support/scenario.js';

async function center() {
  const org = await setUpOrganization();
  const counselor = await addMember(org, ['counselor']);
  const supervisor = await addMember(org, ['supervisor']);
  const finance = await addMember(org, ['finance']);
  const key = await createStaffKey(org, counselor, [supervisor, finance]);
  return { org, counselor, supervisor, finance, key };
}

async function addCategory(admin: Browser, name: string): Promise<string> {
  const id = crypto.randomUUID();
  const res = await admin.post('/api/knowledge/categories', { id, name });
  if (res.status !== 201) throw new Error(`category failed: ${JSON.stringify(res.body)}`);
  return id;
}

describe('knowledge-base categories', () => {
  it('an admin names categories; everyone certified lists them', async () => {
    const { org, finance } = await center();
    const crisis = await addCategory(org.adminBrowser, '危机干预');
    await addCategory(org.adminBrowser, 'Referrals');
    const list = await finance.browser.get('/api/knowledge/categories');
    expect(list.status).toBe(200);
    expect(list.body.categories.map((c: { name: string }) => c.name).sort()).toEqual([
      'Referrals',
      '危机干预',
    ]);
    expect(list.body.categories.find((c: { id: string }) => c.id === crisis)).toBeDefined();
  });

  it('refuses the unauthenticated, non-admins, duplicate names and malformed bodies, writing nothing', async () => {
    const { org, counselor } = await center();
    await addCategory(org.adminBrowser, '伦理');
    const before = await snapshotCounts();
    const body = { id: crypto.randomUUID(), name: 'Ethics' };
    expect((await new Browser().post('/api/knowledge/categories', body)).status).toBe(401);
    const notAdmin = await counselor.browser.post('/api/knowledge/categories', body);
    expect(notAdmin.status).toBe(403);
    expect(notAdmin.body.error.code).toBe('forbidden');
    const duplicate = await org.adminBrowser.post('/api/knowledge/categories', { ...body, name: '伦理' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('name_taken');
    const empty = await org.adminBrowser.post('/api/knowledge/categories', { ...body, name: '  ' });
    expect(empty.status).toBe(400);
    expect((await org.adminBrowser.post('/api/knowledge/categories', { name: 'x' })).status).toBe(400);
    expect(await snapshotCounts()).toEqual(before);
  });
});

describe('knowledge-base articles', () => {
  it('a counselor writes an article, a supervisor saves a second version; finance reads both versions with the staff key', async () => {
    const { org, counselor, supervisor, finance, key } = await center();
    const category = await addCategory(org.adminBrowser, '转介资源');
    const id = await writeArticle(
      key,
      counselor,
      { title: '转介名单', body: '# 医院\n- 精神卫生中心' },
      category,
    );
    const second = await supervisor.browser.post(`/api/knowledge/articles/${id}/versions`, {
      version: 2,
      categoryId: category,
      ...sealedVersion(key, supervisor.account, id, 2, {
        title: '转介名单',
        body: '# 医院\n- 精神卫生中心\n- 安定医院',
      }),
    });
    expect(second.status).toBe(201);

    const list = await finance.browser.get('/api/knowledge/articles');
    expect(list.status).toBe(200);
    expect(list.body.articles).toHaveLength(1);
    expect(list.body.articles[0]).toMatchObject({
      id,
      categoryId: category,
      createdBy: counselor.account.id,
    });
    expect(list.body.articles[0].latest).toMatchObject({ version: 2, authorId: supervisor.account.id });

    const history = await finance.browser.get(`/api/knowledge/articles/${id}`);
    expect(history.status).toBe(200);
    const authors = new Map<string, Member>([
      [counselor.account.id, counselor],
      [supervisor.account.id, supervisor],
    ]);
    const texts: string[] = [];
    for (const version of history.body.versions) {
      const author = authors.get(version.authorId);
      if (!author) throw new Error('unknown author');
      const plain = await openArticleVersion(
        key.key,
        {
          org: org.org.id,
          articleId: id,
          version: version.version,
          epoch: version.epoch,
          author: version.authorId,
        },
        { envelope: fromBase64Url(version.envelope), sig: fromBase64Url(version.sig) },
        author.account.keys.ed25519Pk,
      );
      texts.push(JSON.parse(fromUtf8(plain)).body);
    }
    expect(texts).toEqual(['# 医院\n- 精神卫生中心', '# 医院\n- 精神卫生中心\n- 安定医院']);
  });

  it('refuses the unauthenticated, the wrong role, non-holders, bad signatures, unknown categories and malformed bodies, writing nothing', async () => {
    const { org, counselor, supervisor, finance, key } = await center();
    const outsider = await addMember(org, ['counselor']);
    const uncertified = await addMember(org, ['counselor'], { certified: false });
    const before = await snapshotCounts();
    const body = articleRequest(key, counselor.account, { title: 'a', body: 'b' });

    expect((await new Browser().post('/api/knowledge/articles', body)).status).toBe(401);
    expect((await new Browser().get('/api/knowledge/articles')).status).toBe(401);
    const wrongRole = await finance.browser.post(
      '/api/knowledge/articles',
      articleRequest(key, finance.account, { title: 'a', body: 'b' }),
    );
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.error.code).toBe('forbidden');
    const notHolder = await outsider.browser.post(
      '/api/knowledge/articles',
      articleRequest(key, outsider.account, { title: 'a', body: 'b' }),
    );
    expect(notHolder.status).toBe(403);
    expect(notHolder.body.error.code).toBe('no_staff_key');
    expect((await uncertified.browser.get('/api/knowledge/articles')).body.error.code).toBe('not_certified');
    const signedByOther = await supervisor.browser.post('/api/knowledge/articles', body);
    expect(signedByOther.status).toBe(400);
    expect(signedByOther.body.error.code).toBe('bad_signature');
    const altered = await counselor.browser.post('/api/knowledge/articles', {
      ...body,
      envelope: tamper(body.envelope),
    });
    expect(altered.body.error.code).toBe('bad_signature');
    const unknownCategory = await counselor.browser.post('/api/knowledge/articles', {
      ...body,
      categoryId: crypto.randomUUID(),
    });
    expect(unknownCategory.status).toBe(404);
    expect(unknownCategory.body.error.code).toBe('category_not_found');
    const malformed = await counselor.browser.post('/api/knowledge/articles', { ...body, envelope: '' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid_request');
    const notJson = await counselor.browser.request('POST', '/api/knowledge/articles', {
      body: '{',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    expect(await snapshotCounts()).toEqual(before);
  });

  it('saving is a new version: a stale version, an unknown article or a version signed as another article is refused', async () => {
    const { counselor, supervisor, key } = await center();
    const id = await writeArticle(key, counselor, { title: 'v1', body: 'one' });
    const before = await snapshotCounts();
    const stale = await supervisor.browser.post(`/api/knowledge/articles/${id}/versions`, {
      version: 3,
      categoryId: null,
      ...sealedVersion(key, supervisor.account, id, 3, { title: 'v3', body: 'three' }),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    const other = crypto.randomUUID();
    const unknown = await supervisor.browser.post(`/api/knowledge/articles/${other}/versions`, {
      version: 2,
      categoryId: null,
      ...sealedVersion(key, supervisor.account, other, 2, { title: 'x', body: 'y' }),
    });
    expect(unknown.status).toBe(404);
    const moved = await supervisor.browser.post(`/api/knowledge/articles/${id}/versions`, {
      version: 2,
      categoryId: null,
      ...sealedVersion(key, supervisor.account, other, 2, { title: 'x', body: 'y' }),
    });
    expect(moved.body.error.code).toBe('bad_signature');
    expect((await supervisor.browser.get(`/api/knowledge/articles/${other}`)).status).toBe(404);
    expect((await supervisor.browser.get('/api/knowledge/articles/not-an-id')).status).toBe(400);
    expect(await snapshotCounts()).toEqual(before);

    const saved = await supervisor.browser.post(`/api/knowledge/articles/${id}/versions`, {
      version: 2,
      categoryId: null,
      ...sealedVersion(key, supervisor.account, id, 2, { title: 'v2', body: 'two' }),
    });
    expect(saved.status).toBe(201);
    const again = await counselor.browser.post(`/api/knowledge/articles/${id}/versions`, {
      version: 2,
      categoryId: null,
      ...sealedVersion(key, counselor.account, id, 2, { title: 'v2b', body: 'two b' }),
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('stale_version');
  });
});
