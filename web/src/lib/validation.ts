import type { MessageKey, MessageParams } from './i18n/messages';

/** A validation failure as a message key, translated where it is shown. */
export interface ValidationMessage {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

export const MAX_NAME_LENGTH = 120;
export const MAX_EMAIL_LENGTH = 254;

// Deliberately loose: the server and the invitation email are the real check.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkRequiredText(value: string, maxLength = MAX_NAME_LENGTH): ValidationMessage | null {
  const trimmed = value.trim();
  if (trimmed.length === 0) return { key: 'validation.required' };
  if (trimmed.length > maxLength) return { key: 'validation.tooLong', params: { max: maxLength } };
  return null;
}

export function checkEmail(value: string): ValidationMessage | null {
  const trimmed = value.trim();
  if (trimmed.length === 0) return { key: 'validation.required' };
  if (trimmed.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(trimmed)) return { key: 'validation.email' };
  return null;
}

export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}
