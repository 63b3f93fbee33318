import { describe, expect, it } from 'vitest';
import { createRecoveryKeySplit, formatRecoveryShare } from '../../../crypto/index';
import { checkRecoveryShare } from '../../../web/src/lib/recovery';

/** The recovery ceremony page checks each typed share on its own before any share is combined. */
describe('checking a typed recovery share', () => {
  const [share] = createRecoveryKeySplit(2, 3).shares;
  if (!share) throw new Error('the split made no shares');
  const printed = formatRecoveryShare(share);

  it('accepts a share as printed, in lower case, or with stray spaces', () => {
    expect(printed).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){15}$/);
    expect(checkRecoveryShare(printed)).toBeNull();
    expect(checkRecoveryShare(`  ${printed.toLowerCase()} `)).toBeNull();
  });

  it('explains a typo in one group as an invalid share', () => {
    const groups = printed.split('-');
    const first = groups[0] ?? '';
    const swapped = first[0] === 'A' ? `B${first.slice(1)}` : `A${first.slice(1)}`;
    expect(checkRecoveryShare([swapped, ...groups.slice(1)].join('-'))).toBe('recovery_share_invalid');
  });

  it('explains a missing group or a character outside the code as an invalid share', () => {
    expect(checkRecoveryShare(printed.split('-').slice(1).join('-'))).toBe('recovery_share_invalid');
    expect(checkRecoveryShare(printed.replace(/^./, '!'))).toBe('recovery_share_invalid');
  });
});
