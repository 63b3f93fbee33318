import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../crypto/bytes.js';
import {
  type FormVersionBinding,
  formDefinitionHash,
  formVersionContext,
  requireFormVersion,
  signFormVersion,
  verifyFormVersionSync,
} from '../../crypto/form-version.js';
import { flipBit, makeOrg, makeUser } from './factories.js';

function setup() {
  const org = makeOrg();
  const admin = makeUser(org);
  const binding: FormVersionBinding = { org: org.id, form: 'wellbeing-check', version: 3, by: admin.id };
  const definition = {
    id: 'wellbeing-check',
    version: 3,
    title: { 'zh-CN': '状态自评', en: 'Wellbeing check' },
    fields: [
      { id: 'mood', type: 'single', sensitivity: 'secret', options: [{ value: 'good' }, { value: 'low' }] },
      { id: 'visit_date', type: 'date', sensitivity: 'operational' },
    ],
  };
  const sig = signFormVersion(admin.ed25519Seed, binding, definition);
  return { org, admin, binding, definition, sig };
}

describe('signed form versions (our extension to PROTOCOL §4)', () => {
  it('verifies the definition an admin signed, in any key order', async () => {
    const { admin, binding, definition, sig } = setup();
    expect(verifyFormVersionSync(admin.ed25519Pk, binding, definition, sig)).toBe(true);
    const reordered = { fields: definition.fields, title: definition.title, version: 3, id: definition.id };
    await expect(requireFormVersion(admin.ed25519Pk, binding, reordered, sig)).resolves.toBeUndefined();
  });

  it('binds org, form, version and signer into the context', () => {
    const { binding } = setup();
    expect(formVersionContext(binding)).toBe(
      `tacit/1/form-version|org=${binding.org}|form=wellbeing-check|version=3|by=${binding.by}`,
    );
  });

  it('detects a field flipped from secret to operational', async () => {
    const { admin, binding, definition, sig } = setup();
    const flipped = structuredClone(definition);
    (flipped.fields[0] as { sensitivity: string }).sensitivity = 'operational';
    expect(toHex(formDefinitionHash(flipped))).not.toBe(toHex(formDefinitionHash(definition)));
    expect(verifyFormVersionSync(admin.ed25519Pk, binding, flipped, sig)).toBe(false);
    await expect(requireFormVersion(admin.ed25519Pk, binding, flipped, sig)).rejects.toMatchObject({
      code: 'bad-signature',
    });
  });

  it('refuses a signature moved to another version, form, org or signer', () => {
    const { org, admin, binding, definition, sig } = setup();
    const other = makeUser(org);
    for (const moved of [
      { ...binding, version: 4 },
      { ...binding, form: 'intake' },
      { ...binding, org: makeOrg().id },
      { ...binding, by: other.id },
    ]) {
      expect(verifyFormVersionSync(admin.ed25519Pk, moved, definition, sig)).toBe(false);
    }
    expect(verifyFormVersionSync(other.ed25519Pk, binding, definition, sig)).toBe(false);
  });

  it('refuses every single-bit flip of the signature', () => {
    const { admin, binding, definition, sig } = setup();
    fc.assert(
      fc.property(fc.nat(sig.length * 8 - 1), (bit) => {
        expect(verifyFormVersionSync(admin.ed25519Pk, binding, definition, flipBit(sig, bit))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses any added, removed or changed top-level value', () => {
    const { admin, binding, definition, sig } = setup();
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue(), (key, value) => {
        const changed: Record<string, unknown> = { ...definition, [key]: value };
        fc.pre(JSON.stringify(changed) !== JSON.stringify(definition));
        expect(verifyFormVersionSync(admin.ed25519Pk, binding, changed, sig)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a context that could be read two ways', () => {
    const { binding } = setup();
    expect(() => formVersionContext({ ...binding, form: 'a|by=b' })).toThrow();
    expect(() => formVersionContext({ ...binding, version: 0 })).toThrow();
    expect(() => formVersionContext({ ...binding, by: '' })).toThrow();
  });
});
