import type { ValidationMessage } from './validation';

export const PASSPHRASE_LEVELS = ['weak', 'fair', 'good', 'strong'] as const;
export type PassphraseLevel = (typeof PASSPHRASE_LEVELS)[number];

export interface PassphraseStrength {
  readonly level: PassphraseLevel;
  /** A rough guessing-entropy estimate; a hint for the person, not a security proof. */
  readonly bits: number;
}

export const MIN_PASSPHRASE_LENGTH = 12;

// Base words of the most common leaked passwords, in English and pinyin.
const COMMON_WORDS = [
  'password',
  'passwd',
  'qwerty',
  'letmein',
  'welcome',
  'iloveyou',
  'admin',
  'woaini',
  'abc',
];

function poolSize(characters: readonly string[], codePoints: readonly number[]): number {
  let pool = 0;
  if (characters.some((c) => /[a-z]/.test(c))) pool += 26;
  if (characters.some((c) => /[A-Z]/.test(c))) pool += 26;
  if (characters.some((c) => /[0-9]/.test(c))) pool += 10;
  if (characters.some((c) => /[ -/:-@[-`{-~]/.test(c))) pool += 33;
  // Any non-ASCII script (Chinese above all): counted conservatively as a few thousand common characters.
  if (codePoints.some((code) => code > 0x7f)) pool += 3000;
  return Math.max(pool, 1);
}

/** Repeats and runs (aaaa, 1234, abcd) add little: count them as a quarter of a character each. */
function effectiveLength(codePoints: readonly number[]): number {
  let length = 0;
  let previous: number | undefined;
  for (const code of codePoints) {
    const predictable = previous !== undefined && Math.abs(code - previous) <= 1;
    length += predictable ? 0.25 : 1;
    previous = code;
  }
  return length;
}

export function estimatePassphraseStrength(passphrase: string): PassphraseStrength {
  const characters = Array.from(passphrase.normalize('NFKC'));
  const codePoints = characters.map((c) => c.codePointAt(0) ?? 0);
  let bits = effectiveLength(codePoints) * Math.log2(poolSize(characters, codePoints));
  const lettersOnly = passphrase.toLowerCase().replace(/[^a-z]/g, '');
  if (COMMON_WORDS.some((word) => lettersOnly.startsWith(word) || lettersOnly.endsWith(word))) {
    bits = Math.min(bits, 30);
  }
  const level: PassphraseLevel = bits < 45 ? 'weak' : bits < 65 ? 'fair' : bits < 90 ? 'good' : 'strong';
  return { level, bits };
}

/** The rule for choosing a passphrase: long enough, and not trivially guessable. */
export function checkNewPassphrase(passphrase: string): ValidationMessage | null {
  if (passphrase.length === 0) return { key: 'validation.required' };
  if (Array.from(passphrase.normalize('NFKC')).length < MIN_PASSPHRASE_LENGTH) {
    return { key: 'validation.passphraseTooShort', params: { min: MIN_PASSPHRASE_LENGTH } };
  }
  if (estimatePassphraseStrength(passphrase).level === 'weak') return { key: 'validation.passphraseTooWeak' };
  return null;
}

export function checkPassphraseConfirmation(
  passphrase: string,
  confirmation: string,
): ValidationMessage | null {
  if (confirmation.length === 0) return { key: 'validation.required' };
  return passphrase === confirmation ? null : { key: 'validation.passphraseMismatch' };
}
