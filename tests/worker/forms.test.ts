import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { type FormDefinitionInput, formDefinitionSchema } from '../../core/forms/index.js';
import { toBase64Url } from '../../crypto/bytes.js';
import { signFormVersion } from '../../crypto/form-version.js';
import { appendNote, openCase } from './support/case-files.js';
import { Browser } from './support/client.js';
import { snapshotCounts } from './support/database.js';
import { addMember, type Organization, setUpOrganization } from './support/scenario.js';

/** Form definitions: drafts admins edit, versions they publish, records checked against them. */

const t = (text: string) => ({ 'zh-CN': text, en: text });

function moodCheck(overrides: Partial<FormDefinitionInput> = {}): FormDefinitionInput {
  return {
    id: 'mood-check',
    version: 1,
    title: t('Mood check'),
    fields: [
      { id: 'check_date', type: 'date', label: t('Date'), required: true, sensitivity: 'operational' },
      {
        id: 'mood',
        type: 'likert',
        label: t('Mood'),
        required: true,
        sensitivity: 'operational',
        options: [1, 2, 3, 4, 5].map((value) => ({ value, label: t(String(value)) })),
      },
      { id: 'low_mood_notes', type: 'longText', label: t('Notes'), showIf: { '<': [{ var: 'mood' }, 3] } },
    ],
    ...overrides,
  };
}

async function centerWithCounselor() {
  const center = await setUpOrganization();
  const counselor = await addMember(center, ['counselor']);
  return { center, counselor };
}

/** The admin's signature over a draft as the server stores it (crypto/form-version.ts). */
function signDraft(center: Organization, definition: FormDefinitionInput, version: number) {
  const stored = formDefinitionSchema.parse({ ...definition, version });
  const binding = { org: center.org.id, form: stored.id, version, by: center.admin.id };
  return toBase64Url(signFormVersion(center.admin.keys.ed25519Seed, binding, stored));
}

function publishDraft(center: Organization, definition: FormDefinitionInput, version: number) {
  return center.adminBrowser.post(`/api/forms/${definition.id}/publish`, {
    version,
    sig: signDraft(center, definition, version),
  });
}

async function publish(center: Organization, definition: FormDefinitionInput = moodCheck()) {
  const created = await center.adminBrowser.post('/api/forms', { definition });
  expect(created.status).toBe(201);
  const published = await publishDraft(center, definition, created.body.version);
  expect(published.status).toBe(200);
  return published.body.ref as string;
}

const auditTypes = async () =>
  (await env.DB.prepare('SELECT type FROM audit_events ORDER BY seq').all<{ type: string }>()).results.map(
    (row) => row.type,
  );

describe('who may design forms', () => {
  it('refuses every form route without a session, and design routes to a counselor', async () => {
    const { counselor } = await centerWithCounselor();
    const before = await snapshotCounts();
    const anonymous = new Browser();
    const routes = [
      ['GET', '/api/forms'],
      ['GET', '/api/forms/published'],
      ['GET', '/api/forms/intake/versions/1'],
      ['GET', '/api/forms/mood-check/draft'],
      ['POST', '/api/forms'],
      ['PUT', '/api/forms/mood-check/draft'],
      ['DELETE', '/api/forms/mood-check/draft'],
      ['POST', '/api/forms/mood-check/publish'],
      ['POST', '/api/forms/templates/informed-consent/install'],
    ] as const;
    const body = (method: string) =>
      method === 'GET' ? {} : { json: { definition: moodCheck(), version: 1 } };
    for (const [method, path] of routes) {
      const res = await anonymous.request(method, path, body(method));
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body.error.code).toBe('no_session');
    }
    for (const [method, path] of routes.filter(
      ([, path]) => !path.includes('published') && !path.includes('versions'),
    )) {
      const res = await counselor.browser.request(method, path, body(method));
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect(await snapshotCounts()).toEqual(before);
  });

  it('lets a counselor read published versions and the catalog, but not drafts', async () => {
    const { center, counselor } = await centerWithCounselor();
    await center.adminBrowser.post('/api/forms', { definition: moodCheck() });
    expect((await counselor.browser.get('/api/forms/published')).body.forms).toEqual([]);
    expect((await counselor.browser.get('/api/forms/mood-check/versions/1')).status).toBe(404);

    await publishDraft(center, moodCheck(), 1);
    const catalog = await counselor.browser.get('/api/forms/published');
    expect(catalog.body.forms.map((form: { definition: { id: string } }) => form.definition.id)).toEqual([
      'mood-check',
    ]);
    expect(catalog.body.forms[0].signature.by).toBe(center.admin.id);
    const version = await counselor.browser.get('/api/forms/mood-check/versions/1');
    expect(version.body.definition.fields.map((field: { id: string }) => field.id)).toEqual([
      'check_date',
      'mood',
      'low_mood_notes',
    ]);
    const shipped = await counselor.browser.get('/api/forms/supervision-report/versions/1');
    expect(shipped.body.definition.title.en).toBe('Supervision report');
  });
});

describe('malformed definitions', () => {
  it('explains what is wrong and stores nothing', async () => {
    const { center } = await centerWithCounselor();
    const before = await snapshotCounts();
    const cases: [FormDefinitionInput, string][] = [
      [
        moodCheck({
          fields: [{ id: 'story', type: 'longText', label: t('Story'), sensitivity: 'operational' } as never],
        }),
        'fields.0.sensitivity',
      ],
      [moodCheck({ fields: [] }), 'fields'],
      [
        moodCheck({
          fields: [{ id: 'x', type: 'text', label: t('X'), showIf: { '==': [{ var: 'nowhere' }, 1] } }],
        }),
        'the show-if condition of x reads nowhere, which is not a field of this form',
      ],
      [
        moodCheck({
          fields: [
            { id: 'a', type: 'checkbox', label: t('A') },
            { id: 'a', type: 'checkbox', label: t('B') },
          ],
        }),
        'field id a is used twice',
      ],
      [moodCheck({ id: 'Bad Id' }), 'definition.id'],
    ];
    for (const [definition, message] of cases) {
      const res = await center.adminBrowser.post('/api/forms', { definition });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
      expect(res.body.error.message).toContain(message);
    }
    const wrongId = await center.adminBrowser.request('PUT', '/api/forms/other-form/draft', {
      json: { definition: moodCheck() },
    });
    expect(wrongId.status).toBe(400);
    const notJson = await center.adminBrowser.request('POST', '/api/forms', {
      body: '{"definition":',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(notJson.body.error.code).toBe('malformed_json');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('refuses a new form whose id is taken by a stored form or a template', async () => {
    const { center } = await centerWithCounselor();
    await center.adminBrowser.post('/api/forms', { definition: moodCheck() });
    const again = await center.adminBrowser.post('/api/forms', { definition: moodCheck() });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('form_exists');
    const template = await center.adminBrowser.post('/api/forms', {
      definition: moodCheck({ id: 'intake' }),
    });
    expect(template.body.error.code).toBe('form_exists');
  });
});

describe('drafts and published versions', () => {
  it('edits a draft freely, publishes it, and starts the next version without touching the published one', async () => {
    const { center } = await centerWithCounselor();
    const admin = center.adminBrowser;
    await admin.post('/api/forms', { definition: moodCheck() });
    const edited = await admin.request('PUT', '/api/forms/mood-check/draft', {
      json: { definition: moodCheck({ title: t('Mood check, edited') }) },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(1);
    expect((await admin.get('/api/forms/mood-check/draft')).body.definition.title.en).toBe(
      'Mood check, edited',
    );

    const edit = moodCheck({ title: t('Mood check, edited') });
    const published = await publishDraft(center, edit, 1);
    expect(published.body.ref).toBe('mood-check@1');
    expect((await admin.get('/api/forms/mood-check/draft')).body.error.code).toBe('no_draft');
    const republish = await publishDraft(center, edit, 1);
    expect(republish.status).toBe(404);

    const next = await admin.request('PUT', '/api/forms/mood-check/draft', {
      json: { definition: moodCheck({ version: 1, title: t('Mood check v2') }) },
    });
    expect(next.status).toBe(201);
    expect(next.body.version).toBe(2);
    const v1 = await admin.get('/api/forms/mood-check/versions/1');
    expect(v1.body.definition.title.en).toBe('Mood check, edited');
    expect(v1.body.definition.version).toBe(1);

    const list = await admin.get('/api/forms');
    expect(list.body.forms).toEqual([
      expect.objectContaining({
        id: 'mood-check',
        title: t('Mood check v2'),
        versions: [expect.objectContaining({ version: 1 })],
        draft: expect.objectContaining({ version: 2 }),
      }),
    ]);
    const discarded = await admin.delete('/api/forms/mood-check/draft');
    expect(discarded.status).toBe(200);
    expect((await admin.get('/api/forms')).body.forms[0].draft).toBeNull();
    expect(await auditTypes()).toEqual(
      expect.arrayContaining(['form.draft_saved', 'form.published', 'form.draft_discarded']),
    );
  });

  it('keeps a published version unchangeable even below the routes', async () => {
    const { center } = await centerWithCounselor();
    await publish(center);
    await expect(
      env.DB.prepare("UPDATE form_versions SET definition = '{}' WHERE form_id = 'mood-check'").run(),
    ).rejects.toThrow(/never changes/);
  });

  it('customizes a template as a version after the shipped one', async () => {
    const { center } = await centerWithCounselor();
    const draft = await center.adminBrowser.request('PUT', '/api/forms/intake/draft', {
      json: { definition: moodCheck({ id: 'intake' }) },
    });
    expect(draft.status).toBe(201);
    expect(draft.body.version).toBe(2);
    const unknown = await center.adminBrowser.request('PUT', '/api/forms/never-made/draft', {
      json: { definition: moodCheck({ id: 'never-made' }) },
    });
    expect(unknown.status).toBe(404);
  });

  it('installs a shipped template in one click, once', async () => {
    const { center, counselor } = await centerWithCounselor();
    const installed = await center.adminBrowser.post('/api/forms/templates/informed-consent/install');
    expect(installed.status).toBe(201);
    expect(installed.body.ref).toBe('informed-consent@1');
    const again = await center.adminBrowser.post('/api/forms/templates/informed-consent/install');
    expect(again.body.error.code).toBe('already_installed');
    const missing = await center.adminBrowser.post('/api/forms/templates/no-such-template/install');
    expect(missing.status).toBe(404);
    const catalog = await counselor.browser.get('/api/forms/published');
    expect(catalog.body.forms).toEqual([expect.objectContaining({ source: 'template', signature: null })]);
    expect(catalog.body.forms[0].definition.id).toBe('informed-consent');
    expect(await auditTypes()).toContain('form.template_installed');
  });
});

describe('records checked against the version they name', () => {
  it('accepts a record of a published version and refuses a draft, an unknown version and wrong data', async () => {
    const { center, counselor } = await centerWithCounselor();
    const file = await openCase(center, counselor);
    const ref = await publish(center);
    expect(ref).toBe('mood-check@1');
    const ok = await appendNote(file, counselor, {
      form: ref,
      operational: { check_date: '2026-11-20', mood: 4 },
    });
    expect(ok.res.status).toBe(201);

    // version 2 is a draft: not yet a form anyone may write with
    await center.adminBrowser.request('PUT', '/api/forms/mood-check/draft', {
      json: { definition: moodCheck() },
    });
    const before = await snapshotCounts();
    const draft = await appendNote(file, counselor, {
      form: 'mood-check@2',
      operational: { check_date: '2026-11-20' },
    });
    expect(draft.res.status).toBe(400);
    expect(draft.res.body.error).toMatchObject({
      code: 'unknown_form',
      message: 'no published form mood-check@2',
    });

    const outOfScale = await appendNote(file, counselor, {
      form: ref,
      operational: { check_date: '2026-11-20', mood: 9 },
    });
    expect(outOfScale.res.body.error.code).toBe('operational_mismatch');
    expect(outOfScale.res.body.error.message).toContain('mood: invalid');
    const secretInTheOpen = await appendNote(file, counselor, {
      form: ref,
      operational: { check_date: '2026-11-20', mood: 2, low_mood_notes: 'sad' },
    });
    expect(secretInTheOpen.res.status).toBe(400);
    const missing = await appendNote(file, counselor, { form: ref, operational: { mood: 2 } });
    expect(missing.res.body.error.message).toContain('check_date: required');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('checks a shipped template nobody installed, such as the signed informed consent', async () => {
    const { center, counselor } = await centerWithCounselor();
    const file = await openCase(center, counselor);
    const signed = await appendNote(file, counselor, {
      form: 'informed-consent@1',
      operational: { signed_date: '2026-11-20', is_minor: true },
    });
    expect(signed.res.status).toBe(201);
    const leaked = await appendNote(file, counselor, {
      form: 'informed-consent@1',
      operational: { signed_date: '2026-11-20', understood_records: true },
    });
    expect(leaked.res.body.error.message).toContain('understood_records: not_operational');
    const unshipped = await appendNote(file, counselor, { form: 'informed-consent@2', operational: {} });
    expect(unshipped.res.body.error.code).toBe('unknown_form');
  });

  it('checks a record against its own version after the form changed', async () => {
    const { center, counselor } = await centerWithCounselor();
    const file = await openCase(center, counselor);
    await publish(center);
    const v2 = moodCheck({
      fields: [
        { id: 'check_date', type: 'date', label: t('Date'), required: true, sensitivity: 'operational' },
      ],
    });
    await center.adminBrowser.request('PUT', '/api/forms/mood-check/draft', { json: { definition: v2 } });
    expect((await publishDraft(center, v2, 2)).status).toBe(200);

    const old = await appendNote(file, counselor, {
      form: 'mood-check@1',
      operational: { check_date: '2026-11-20', mood: 3 },
    });
    expect(old.res.status).toBe(201);
    const moodInV2 = await appendNote(file, counselor, {
      form: 'mood-check@2',
      operational: { check_date: '2026-11-21', mood: 3 },
    });
    expect(moodInV2.res.body.error.message).toContain('mood: unknown_field');
  });
});

describe('publishing signs the version', () => {
  it("stores the publishing admin's signature and serves it with the version", async () => {
    const { center, counselor } = await centerWithCounselor();
    await publish(center);
    const served = await counselor.browser.get('/api/forms/mood-check/versions/1');
    expect(served.body.signature).toEqual({ by: center.admin.id, sig: signDraft(center, moodCheck(), 1) });
    const row = await env.DB.prepare(
      "SELECT signature, published_by FROM form_versions WHERE form_id = 'mood-check'",
    ).first();
    expect(row).toEqual({ signature: signDraft(center, moodCheck(), 1), published_by: center.admin.id });
  });

  it('refuses a publish without a signature, by another key, or over another definition, and stores nothing', async () => {
    const { center, counselor } = await centerWithCounselor();
    await center.adminBrowser.post('/api/forms', { definition: moodCheck() });
    const before = await snapshotCounts();
    const unsigned = await center.adminBrowser.post('/api/forms/mood-check/publish', { version: 1 });
    expect(unsigned.status).toBe(400);
    expect(unsigned.body.error.code).toBe('invalid_request');

    const stored = formDefinitionSchema.parse(moodCheck());
    const binding = { org: center.org.id, form: 'mood-check', version: 1, by: center.admin.id };
    const byCounselor = toBase64Url(signFormVersion(counselor.account.keys.ed25519Seed, binding, stored));
    const flipped = structuredClone(stored);
    (flipped.fields[2] as { sensitivity: string }).sensitivity = 'operational';
    const overFlipped = toBase64Url(signFormVersion(center.admin.keys.ed25519Seed, binding, flipped));
    const otherOrg = toBase64Url(
      signFormVersion(center.admin.keys.ed25519Seed, { ...binding, org: crypto.randomUUID() }, stored),
    );
    for (const sig of [byCounselor, overFlipped, otherOrg, 'A'.repeat(86)]) {
      const res = await center.adminBrowser.post('/api/forms/mood-check/publish', { version: 1, sig });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('bad_signature');
    }
    expect(await snapshotCounts()).toEqual(before);
    expect((await center.adminBrowser.get('/api/forms/mood-check/draft')).status).toBe(200);
  });

  it('refuses a publish by an admin whose keys nobody certified', async () => {
    const { center } = await centerWithCounselor();
    const uncertified = await addMember(center, ['admin'], { certified: false });
    await center.adminBrowser.post('/api/forms', { definition: moodCheck() });
    const stored = formDefinitionSchema.parse(moodCheck());
    const binding = { org: center.org.id, form: 'mood-check', version: 1, by: uncertified.account.id };
    const sig = toBase64Url(signFormVersion(uncertified.account.keys.ed25519Seed, binding, stored));
    const before = await snapshotCounts();
    const res = await uncertified.browser.post('/api/forms/mood-check/publish', { version: 1, sig });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('not_certified');
    expect(await snapshotCounts()).toEqual(before);
  });
});
