import type { FormField } from './schema.js';

/** What a value of each field type looks like; `null` means "left empty". */

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/;
const SIGNATURE = /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/;
export const MAX_SIGNATURE_CHARS = 300_000;

export function isEmpty(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

function isRealDate(text: string): boolean {
  const date = new Date(`${text.slice(0, 10)}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text.slice(0, 10);
}

/** The shape check: does this value belong in this field at all? */
export function hasFieldShape(field: FormField, value: unknown): boolean {
  switch (field.type) {
    case 'text':
    case 'longText':
      return typeof value === 'string';
    case 'number':
    case 'likert':
    case 'score':
      return typeof value === 'number' && Number.isFinite(value);
    case 'date':
      return typeof value === 'string' && DATE.test(value) && isRealDate(value);
    case 'time':
      return typeof value === 'string' && TIME.test(value);
    case 'dateTime':
      return typeof value === 'string' && DATE_TIME.test(value) && isRealDate(value);
    case 'singleChoice':
    case 'dropdown':
      return typeof value === 'string';
    case 'multipleChoice':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'checkbox':
      return typeof value === 'boolean';
    case 'signature':
      return typeof value === 'string' && value.length <= MAX_SIGNATURE_CHARS && SIGNATURE.test(value);
    case 'file':
      return (
        typeof value === 'object' &&
        value !== null &&
        typeof (value as { attachmentId?: unknown }).attachmentId === 'string' &&
        typeof (value as { size?: unknown }).size === 'number'
      );
    case 'section':
      return false;
  }
}
