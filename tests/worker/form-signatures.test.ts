import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { sessionViewSchema } from '../../core/api/index.js';
import {
  type FormDefinition,
  type FormDefinitionInput,
  formDefinitionSchema,
} from '../../core/forms/index.js';
import { phq9Form } from '../../core/forms/templates/index.js';
import { fromBase64Url, toBase64Url } from '../../crypto/bytes.js';
import { signFormVersion } from '../../crypto/form-version.js';
import type { ApiClient } from '../../web/src/lib/api-client.js';
import {
  fetchTrustedCatalog,
  fetchTrustedForm,
  formTrustFor,
  publishSignedDraft,
} from '../../web/src/lib/protocol/forms.js';
import { apiClientFor } from './support/protocol-client.js';
import { addMember, type Member, type Organization, setUpOrganization } from './support/scenario.js';

/**
 * Issue 5's security suite: a server that edits the form versions it serves. The browser's own
 * form code must refuse a designed version it cannot trust, so no secret field is ever sent in
 * plaintext because the server said it was operational.
 */

const t = (text: string) => ({ 'zh-CN': text, en: text });

const wellbeing: FormDefinitionInput = {
  id: 'wellbeing-check',
  version: 1,
  title: t('Wellbeing check'),
  fields: [
    { id: 'visit_date', type: 'date', label: t('Date'), required: true, sensitivity: 'operational' },
    {
      id: 'sleep',
      type: 'singleChoice',
      label: t('Sleep'),
      sensitivity: 'secret',
      options: [
        { value: 'good', label: t('Good') },
        { value: 'poor', label: t('Poor') },
      ],
    },
  ],
};

interface Setup {
  center: Organization;
  counselor: Member;
  browser: ApiClient;
  trust: () => ReturnType<typeof formTrustFor>;
}

async function centerWithSignedForm(): Promise<Setup> {
  const center = await setUpOrganization();
  const counselor = await addMember(center, ['counselor']);
  const admin = apiClientFor(center.adminBrowser);
  await center.adminBrowser.post('/api/forms', { definition: wellbeing });
  const signer = {
    orgId: center.org.id,
    userId: center.admin.id,
    signingSeed: center.admin.keys.ed25519Seed,
  };
  await publishSignedDraft(admin, signer, wellbeing, 1);
  const browser = apiClientFor(counselor.browser);
  const view = await browser.get('/api/auth/session', sessionViewSchema);
  const trust = () => formTrustFor(browser, view.org.id, fromBase64Url(view.org.rootPk));
  return { center, counselor, browser, trust };
}

/** What a compromised host does: replaces the stored row (the UPDATE trigger is no obstacle to DELETE). */
async function serveInstead(
  formId: string,
  version: number,
  row: { definition: unknown; publishedBy: string; signature: string | null; source?: string },
) {
  await env.DB.prepare('DELETE FROM form_versions WHERE form_id = ? AND version = ?')
    .bind(formId, version)
    .run();
  await env.DB.prepare(
    `INSERT INTO form_versions (form_id, version, definition, source, created_by, updated_at, published_at, published_by, signature)
     VALUES (?, ?, ?, ?, ?, 1, 1, ?, ?)`,
  )
    .bind(
      formId,
      version,
      JSON.stringify(row.definition),
      row.source ?? 'designer',
      row.publishedBy,
      row.publishedBy,
      row.signature,
    )
    .run();
}

const storedSignature = async () =>
  (await env.DB.prepare("SELECT signature FROM form_versions WHERE form_id = 'wellbeing-check'").first<{
    signature: string;
  }>()) as { signature: string };

function flippedToOperational(): FormDefinition {
  const flipped = formDefinitionSchema.parse({ ...wellbeing });
  (flipped.fields[1] as { sensitivity: string }).sensitivity = 'operational';
  return flipped;
}

describe('a server that edits published form versions is caught by the browser', () => {
  it('uses the version its admin signed', async () => {
    const { browser, trust } = await centerWithSignedForm();
    const form = await fetchTrustedForm(browser, trust, 'wellbeing-check@1');
    expect(form?.fields.map((field) => [field.id, field.sensitivity])).toEqual([
      ['visit_date', 'operational'],
      ['sleep', 'secret'],
    ]);
    const catalog = await fetchTrustedCatalog(browser, trust);
    expect(catalog.map((entry) => entry.id)).toEqual(['wellbeing-check']);
  });

  it('refuses a choice field flipped from secret to operational', async () => {
    const { center, browser, trust } = await centerWithSignedForm();
    const { signature } = await storedSignature();
    await serveInstead('wellbeing-check', 1, {
      definition: flippedToOperational(),
      publishedBy: center.admin.id,
      signature,
    });
    await expect(fetchTrustedForm(browser, trust, 'wellbeing-check@1')).rejects.toMatchObject({
      code: 'bad-signature',
    });
    await expect(fetchTrustedCatalog(browser, trust)).rejects.toMatchObject({ code: 'bad-signature' });
  });

  it('refuses a version with its signature removed, or moved from another version', async () => {
    const { center, browser, trust } = await centerWithSignedForm();
    const { signature } = await storedSignature();
    await serveInstead('wellbeing-check', 1, {
      definition: formDefinitionSchema.parse(wellbeing),
      publishedBy: center.admin.id,
      signature: null,
    });
    await expect(fetchTrustedForm(browser, trust, 'wellbeing-check@1')).rejects.toMatchObject({
      code: 'bad-signature',
    });
    await serveInstead('wellbeing-check', 2, {
      definition: { ...flippedToOperational(), version: 2 },
      publishedBy: center.admin.id,
      signature,
    });
    await expect(fetchTrustedForm(browser, trust, 'wellbeing-check@2')).rejects.toMatchObject({
      code: 'bad-signature',
    });
  });

  it('refuses a version signed by a certified member who is not an admin', async () => {
    const { center, counselor, browser, trust } = await centerWithSignedForm();
    const flipped = flippedToOperational();
    const binding = { org: center.org.id, form: flipped.id, version: 1, by: counselor.account.id };
    await serveInstead('wellbeing-check', 1, {
      definition: flipped,
      publishedBy: counselor.account.id,
      signature: toBase64Url(signFormVersion(counselor.account.keys.ed25519Seed, binding, flipped)),
    });
    await expect(fetchTrustedForm(browser, trust, 'wellbeing-check@1')).rejects.toMatchObject({
      code: 'uncertified',
    });
  });

  it('refuses a version signed by an admin whose keys the org root never certified', async () => {
    const { center, browser, trust } = await centerWithSignedForm();
    const uncertified = await addMember(center, ['admin'], { certified: false });
    const flipped = flippedToOperational();
    const binding = { org: center.org.id, form: flipped.id, version: 1, by: uncertified.account.id };
    await serveInstead('wellbeing-check', 1, {
      definition: flipped,
      publishedBy: uncertified.account.id,
      signature: toBase64Url(signFormVersion(uncertified.account.keys.ed25519Seed, binding, flipped)),
    });
    await expect(fetchTrustedForm(browser, trust, 'wellbeing-check@1')).rejects.toMatchObject({
      code: 'uncertified',
    });
  });

  it('uses its own copy of a shipped form whatever the server serves under that id and version', async () => {
    const { center, browser, trust } = await centerWithSignedForm();
    const substituted = structuredClone(phq9Form);
    for (const field of substituted.fields) {
      if (field.type === 'likert') (field as { sensitivity: string }).sensitivity = 'operational';
    }
    const binding = { org: center.org.id, form: phq9Form.id, version: phq9Form.version, by: center.admin.id };
    await serveInstead(phq9Form.id, phq9Form.version, {
      definition: substituted,
      publishedBy: center.admin.id,
      // even an admin's signature does not replace what the app ships
      signature: toBase64Url(signFormVersion(center.admin.keys.ed25519Seed, binding, substituted)),
      source: 'template',
    });
    const served = await fetchTrustedForm(browser, trust, `${phq9Form.id}@${phq9Form.version}`);
    expect(served).toBe(phq9Form);
    const catalog = await fetchTrustedCatalog(browser, trust);
    expect(catalog.find((form) => form.id === phq9Form.id)).toBe(phq9Form);
    expect(
      phq9Form.fields.some((field) => field.type === 'likert' && field.sensitivity === 'operational'),
    ).toBe(false);
  });
});
