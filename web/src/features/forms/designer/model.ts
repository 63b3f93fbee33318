import type {
  FieldType,
  FormDefinition,
  FormField,
  LocalizedText,
  SimpleOperator,
} from '../../../../../core/forms/index';

/**
 * The designer's working copy of a form and the edits it allows, as plain functions: the page
 * keeps one `DesignedForm` in a signal and replaces it on every edit, and the same schema the
 * server uses decides whether it can be saved.
 */

export type DesignedForm = Omit<FormDefinition, 'fields'> & { fields: FormField[] };

/** The palette, in the order it shows. */
export const FIELD_TYPES: readonly FieldType[] = [
  'section',
  'text',
  'longText',
  'number',
  'date',
  'time',
  'dateTime',
  'singleChoice',
  'dropdown',
  'multipleChoice',
  'likert',
  'checkbox',
  'score',
  'signature',
  'file',
];

/** DESIGN §2: free text, signatures, files and headings are always secret. */
export const ALWAYS_SECRET: readonly FieldType[] = ['text', 'longText', 'signature', 'file', 'section'];

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

const DEFAULT_LABELS: Record<FieldType, LocalizedText> = {
  section: text('新的分节', 'New section'),
  text: text('单行文本', 'Short text'),
  longText: text('多行文本', 'Long text'),
  number: text('数字', 'Number'),
  date: text('日期', 'Date'),
  time: text('时间', 'Time'),
  dateTime: text('日期和时间', 'Date and time'),
  singleChoice: text('单选', 'Single choice'),
  dropdown: text('下拉选择', 'Dropdown'),
  multipleChoice: text('多选', 'Multiple choice'),
  likert: text('量表题', 'Likert scale'),
  checkbox: text('勾选项', 'Checkbox'),
  score: text('计算得分', 'Score'),
  signature: text('签名', 'Signature'),
  file: text('附件', 'File'),
};

const choiceOptions = () => [
  { value: 'option_1', label: text('选项 1', 'Option 1') },
  { value: 'option_2', label: text('选项 2', 'Option 2') },
];

/** A new field of `type` with an id no other field has and a label to rename. */
export function newField(type: FieldType, form: DesignedForm): FormField {
  const taken = new Set(form.fields.map((field) => field.id));
  let n = form.fields.length + 1;
  while (taken.has(`field_${n}`)) n++;
  const base = {
    id: `field_${n}`,
    label: DEFAULT_LABELS[type],
    required: false,
    sensitivity: 'secret' as const,
  };
  switch (type) {
    case 'text':
      return { ...base, type, maxLength: 200 };
    case 'longText':
      return { ...base, type, maxLength: 10_000 };
    case 'number':
      return { ...base, type, integer: false };
    case 'singleChoice':
    case 'dropdown':
    case 'multipleChoice':
      return { ...base, type, options: choiceOptions() };
    case 'likert':
      return {
        ...base,
        type,
        options: [1, 2, 3, 4, 5].map((value) => ({ value, label: text(String(value), String(value)) })),
      };
    case 'score': {
      const items = form.fields.filter((field) => field.type === 'likert' || field.type === 'number');
      return { ...base, type, items: items.map((field) => field.id), method: 'sum', bands: [] };
    }
    default:
      return { ...base, type } as FormField;
  }
}

export function insertField(
  form: DesignedForm,
  field: FormField,
  at: number = form.fields.length,
): DesignedForm {
  const fields = [...form.fields];
  fields.splice(Math.max(0, Math.min(at, fields.length)), 0, field);
  return { ...form, fields };
}

/** Moves the field at `from` so that it ends up at index `to`. */
export function moveField(form: DesignedForm, from: number, to: number): DesignedForm {
  if (from === to || from < 0 || from >= form.fields.length) return form;
  const fields = [...form.fields];
  const [moved] = fields.splice(from, 1);
  fields.splice(Math.max(0, Math.min(to, fields.length)), 0, moved as FormField);
  return { ...form, fields };
}

export function replaceField(form: DesignedForm, index: number, field: FormField): DesignedForm {
  return { ...form, fields: form.fields.map((current, at) => (at === index ? field : current)) };
}

export function removeField(form: DesignedForm, index: number): DesignedForm {
  return { ...form, fields: form.fields.filter((_, at) => at !== index) };
}

/** What a condition may ask of a field of this type. */
export function operatorsFor(type: FieldType): SimpleOperator[] {
  switch (type) {
    case 'checkbox':
      return ['isChecked', 'isNotChecked'];
    case 'singleChoice':
    case 'dropdown':
      return ['equals', 'notEquals', 'isFilled', 'isEmpty'];
    case 'multipleChoice':
      return ['includes', 'isFilled', 'isEmpty'];
    case 'number':
    case 'likert':
    case 'score':
      return ['equals', 'notEquals', 'greaterThan', 'lessThan', 'atLeast', 'atMost', 'isFilled', 'isEmpty'];
    case 'date':
    case 'time':
    case 'dateTime':
      return ['equals', 'greaterThan', 'lessThan', 'isFilled', 'isEmpty'];
    default:
      return ['isFilled', 'isEmpty'];
  }
}

/** A blank form for "new form". */
export function blankForm(): DesignedForm {
  return {
    id: '',
    version: 1,
    title: text('', ''),
    fields: [],
    rules: [],
    riskFlags: [],
  };
}

/** Gives the field at `index` a new id, and every condition and score that read the old one follows. */
export function renameField(form: DesignedForm, index: number, id: string): DesignedForm {
  const old = form.fields[index]?.id;
  if (old === undefined || old === id) return form;
  const follow = (logic: unknown) =>
    logic === undefined
      ? undefined
      : JSON.parse(JSON.stringify(logic).replaceAll(`{"var":"${old}"}`, `{"var":"${id}"}`));
  const fields = form.fields.map((field, at) => {
    const renamed = { ...field, ...(at === index ? { id } : {}) } as Record<string, unknown>;
    for (const key of ['showIf', 'requiredIf'] as const) {
      if (field[key] !== undefined) renamed[key] = follow(field[key]);
    }
    if (field.type === 'score') renamed.items = field.items.map((item) => (item === old ? id : item));
    return renamed as FormField;
  });
  return { ...form, fields };
}
