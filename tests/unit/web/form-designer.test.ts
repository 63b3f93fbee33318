import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formDefinitionSchema } from '../../../core/forms/index.js';
import {
  blankForm,
  type DesignedForm,
  FIELD_TYPES,
  insertField,
  moveField,
  newField,
  renameField,
} from '../../../web/src/features/forms/designer/model.js';

/** The designer's edits: every palette field is valid as added, moves keep the fields, renames follow. */

function formWith(types: readonly (typeof FIELD_TYPES)[number][]): DesignedForm {
  let form: DesignedForm = { ...blankForm(), id: 'designed', title: { 'zh-CN': '表', en: 'Form' } };
  for (const type of types) form = insertField(form, newField(type, form));
  return form;
}

describe('the form designer', () => {
  it('adds fields from the palette that the schema accepts, with ids no other field has', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...FIELD_TYPES.filter((type) => type !== 'score')), {
          minLength: 1,
          maxLength: 12,
        }),
        (types) => {
          const form = formWith(types);
          expect(new Set(form.fields.map((field) => field.id)).size).toBe(types.length);
          expect(formDefinitionSchema.safeParse(form).success).toBe(true);
        },
      ),
    );
    const scored = formWith(['likert', 'likert', 'score']);
    expect(scored.fields[2]).toMatchObject({ type: 'score', items: ['field_1', 'field_2'] });
    expect(formDefinitionSchema.safeParse(scored).success).toBe(true);
  });

  it('moves a field anywhere and keeps every field once (property)', () => {
    const form = formWith(['text', 'number', 'date', 'checkbox', 'signature']);
    fc.assert(
      fc.property(fc.nat(4), fc.nat(4), (from, to) => {
        const moved = moveField(form, from, to);
        expect(moved.fields[to]).toBe(form.fields[from]);
        expect([...moved.fields].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
          [...form.fields].sort((a, b) => a.id.localeCompare(b.id)),
        );
      }),
    );
  });

  it('renames a field and the conditions and scores that read it follow', () => {
    let form = formWith(['checkbox', 'longText', 'likert', 'score']);
    form = {
      ...form,
      fields: form.fields.map((field) =>
        field.id === 'field_2' ? { ...field, showIf: { '===': [{ var: 'field_1' }, true] } } : field,
      ),
    };
    const renamed = renameField(renameField(form, 0, 'wants_call'), 2, 'mood');
    expect(renamed.fields[1]?.showIf).toEqual({ '===': [{ var: 'wants_call' }, true] });
    expect(renamed.fields[3]).toMatchObject({ items: ['mood'] });
    expect(formDefinitionSchema.safeParse(renamed).success).toBe(true);
  });
});
