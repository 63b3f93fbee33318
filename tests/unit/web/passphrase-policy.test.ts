import { describe, expect, it } from 'vitest';
import {
  checkNewPassphrase,
  checkPassphraseConfirmation,
  estimatePassphraseStrength,
} from '../../../web/src/lib/passphrase-policy';

describe('the passphrase policy', () => {
  it('rejects passphrases shorter than 12 characters', () => {
    expect(checkNewPassphrase('Tr0ub4dor&3')?.key).toBe('validation.passphraseTooShort');
  });

  it('rejects long but predictable passphrases', () => {
    expect(checkNewPassphrase('password12345678')?.key).toBe('validation.passphraseTooWeak');
    expect(checkNewPassphrase('aaaaaaaaaaaaaaaaaaaa')?.key).toBe('validation.passphraseTooWeak');
    expect(checkNewPassphrase('1234567890123')?.key).toBe('validation.passphraseTooWeak');
  });

  it('accepts a sentence, in English or in Chinese', () => {
    expect(checkNewPassphrase('the tide comes in slowly at dawn')).toBeNull();
    expect(checkNewPassphrase('晴天的时候我们去海边散步吧')).toBeNull();
  });

  it('rates longer and more varied passphrases higher', () => {
    const levels = ['weak', 'fair', 'good', 'strong'];
    const short = levels.indexOf(estimatePassphraseStrength('mountain river').level);
    const long = levels.indexOf(estimatePassphraseStrength('mountain river, Quiet 1978 lanterns!').level);
    expect(long).toBeGreaterThan(short);
  });

  it('asks for the same passphrase twice', () => {
    expect(checkPassphraseConfirmation('a long passphrase', 'a long passphrase')).toBeNull();
    expect(checkPassphraseConfirmation('a long passphrase', 'a long passphrasE')?.key).toBe(
      'validation.passphraseMismatch',
    );
  });
});
