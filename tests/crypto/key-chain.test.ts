import { describe, expect, it } from 'vitest';
import { randomBytes } from '../../crypto/bytes.js';
import {
  createCaseInboxKey,
  generateSymmetricKey,
  keyChainContext,
  openCaseInboxKey,
  openPreviousEpochKey,
  type RotatedCaseKey,
  rotateCaseKey,
  sealPreviousEpochKey,
  unrollEpochKeys,
} from '../../crypto/key-chain.js';
import { decryptRecord, encryptRecord, type RecordBinding } from '../../crypto/record.js';
import { openInboxSubmission, sealInboxSubmission } from '../../crypto/sealed.js';

const CASE = '5e7a9c1b-3d5f-4a7c-9e1b-3d5f7a9c1b3d';
const OTHER_CASE = '6f8b0d2c-4e6a-4b8d-8f2c-4e6a8b0d2c4e';

function recordBinding(overrides: Partial<RecordBinding> = {}): RecordBinding {
  return {
    org: '1b3d5f7a-9c1e-4b3d-8f7a-9c1e3b5d7f9a',
    caseId: CASE,
    recordId: '2c4e6a8b-0d2f-4c4e-9a8b-0d2f4c6e8a0b',
    rev: 1,
    form: 'session-note@2',
    author: '3d5f7b9c-1e3a-4d5f-8b9c-1e3a5d7f9b1c',
    ...overrides,
  };
}

/** Epoch 0 and three rotations after it, as a case with three revocations would have. */
function caseKeyHistory(rotations = 3) {
  const keys = [generateSymmetricKey()];
  const chains = new Map<number, Uint8Array>();
  for (let epoch = 0; epoch < rotations; epoch++) {
    const rotated: RotatedCaseKey = rotateCaseKey(CASE, epoch, keys[epoch] as Uint8Array);
    keys[rotated.epoch] = rotated.key;
    chains.set(epoch, rotated.chain);
  }
  return { keys, chains, newestEpoch: rotations, newestKey: keys[rotations] as Uint8Array };
}

describe('case key chain (PROTOCOL §5 "Revocation rotates")', () => {
  it('rotates to epoch + 1 with a fresh key', () => {
    const key = generateSymmetricKey();

    const rotated = rotateCaseKey(CASE, 4, key);

    expect(rotated.epoch).toBe(5);
    expect(rotated.key).toHaveLength(32);
    expect(rotated.key).not.toEqual(key);
  });

  it('stores the previous key under the new one', () => {
    const key = generateSymmetricKey();

    const rotated = rotateCaseKey(CASE, 4, key);

    expect(openPreviousEpochKey(CASE, 4, rotated.chain, rotated.key)).toEqual(key);
  });

  it('unrolls every older key from the newest, across three rotations', () => {
    const { keys, chains, newestEpoch, newestKey } = caseKeyHistory(3);

    const unrolled = unrollEpochKeys(CASE, newestEpoch, newestKey, chains);

    expect([...unrolled.keys()].sort()).toEqual([0, 1, 2, 3]);
    for (const [epoch, key] of keys.entries()) expect(unrolled.get(epoch)).toEqual(key);
  });

  it('unrolls from a middle epoch only what that epoch may read', () => {
    const { keys, chains } = caseKeyHistory(3);

    const unrolled = unrollEpochKeys(CASE, 1, keys[1] as Uint8Array, chains);

    expect([...unrolled.keys()].sort()).toEqual([0, 1]);
    expect(unrolled.get(0)).toEqual(keys[0]);
  });

  it('lets a current holder read a record written before the rotation', () => {
    const { keys, chains, newestEpoch, newestKey } = caseKeyHistory(2);
    const fields = { note: '来访者情绪稳定。' };
    const envelope = encryptRecord(keys[0] as Uint8Array, recordBinding(), fields);

    const oldKey = unrollEpochKeys(CASE, newestEpoch, newestKey, chains).get(0) as Uint8Array;

    expect(decryptRecord(oldKey, recordBinding(), envelope)).toEqual(fields);
  });

  it("does not let a revoked holder's epoch 1 key open a record written under epoch 2", () => {
    const { keys } = caseKeyHistory(2);
    const envelope = encryptRecord(keys[2] as Uint8Array, recordBinding({ rev: 2 }), {
      note: 'after revocation',
    });

    expect(() => decryptRecord(keys[1] as Uint8Array, recordBinding({ rev: 2 }), envelope)).toThrow(
      expect.objectContaining({ code: 'wrong-key' }),
    );
  });

  it("does not let a revoked holder's old key open the chain to the new key", () => {
    const { keys, chains } = caseKeyHistory(2);

    expect(() => openPreviousEpochKey(CASE, 1, chains.get(1) as Uint8Array, keys[1] as Uint8Array)).toThrow(
      expect.objectContaining({ code: 'wrong-key' }),
    );
  });

  it('binds the epoch: the envelope of epoch e cannot be opened as epoch e − 1', () => {
    const { keys, chains } = caseKeyHistory(3);

    expect(() => openPreviousEpochKey(CASE, 1, chains.get(2) as Uint8Array, keys[3] as Uint8Array)).toThrow(
      expect.objectContaining({ code: 'wrong-key' }),
    );
  });

  it('binds the case: a chain envelope cannot be opened for another case', () => {
    const { keys, chains } = caseKeyHistory(1);

    expect(() =>
      openPreviousEpochKey(OTHER_CASE, 0, chains.get(0) as Uint8Array, keys[1] as Uint8Array),
    ).toThrow(expect.objectContaining({ code: 'wrong-key' }));
  });

  it('refuses a chain envelope the server moved to another epoch slot while unrolling', () => {
    const { chains, newestEpoch, newestKey } = caseKeyHistory(3);
    const swapped = new Map(chains);
    swapped.set(1, chains.get(0) as Uint8Array);
    swapped.set(0, chains.get(1) as Uint8Array);

    expect(() => unrollEpochKeys(CASE, newestEpoch, newestKey, swapped)).toThrow(
      expect.objectContaining({ code: 'wrong-key' }),
    );
  });

  it('stops at a chain envelope the server withholds, leaving the older epochs out', () => {
    const { chains, newestEpoch, newestKey } = caseKeyHistory(3);
    const withheld = new Map(chains);
    withheld.delete(1);

    const unrolled = unrollEpochKeys(CASE, newestEpoch, newestKey, withheld);

    expect([...unrolled.keys()].sort()).toEqual([2, 3]);
  });

  it('names the case and the epoch in the chain context', () => {
    expect(keyChainContext(CASE, 7)).toBe(`tacit/1/key-chain|case=${CASE}|epoch=7`);
  });

  it('seals a previous key that only the next key opens', () => {
    const previous = randomBytes(32);
    const next = randomBytes(32);

    const sealed = sealPreviousEpochKey(CASE, 0, previous, next);

    expect(openPreviousEpochKey(CASE, 0, sealed, next)).toEqual(previous);
    expect(() => openPreviousEpochKey(CASE, 0, sealed, previous)).toThrow(
      expect.objectContaining({ code: 'wrong-key' }),
    );
  });
});

describe('case inbox key (PROTOCOL §4)', () => {
  it('opens under the case key to the same key pair', () => {
    const caseKey = generateSymmetricKey();
    const created = createCaseInboxKey(CASE, 2, caseKey);

    const opened = openCaseInboxKey(CASE, 2, created.sealed, caseKey);

    expect(opened.secretKey).toEqual(created.secretKey);
    expect(opened.publicKey).toEqual(created.publicKey);
  });

  it('opens submissions that clients sealed to its public key', () => {
    const caseKey = generateSymmetricKey();
    const { publicKey, sealed } = createCaseInboxKey(CASE, 0, caseKey);
    const submission = sealInboxSubmission(publicKey, CASE, 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', {
      phq9: 7,
    });

    const inbox = openCaseInboxKey(CASE, 0, sealed, caseKey);

    expect(
      openInboxSubmission(inbox.secretKey, CASE, 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', submission),
    ).toEqual({
      phq9: 7,
    });
  });

  it.each([
    ['another case', OTHER_CASE, 2],
    ['another epoch', CASE, 3],
  ])('is bound to its case and epoch: refuses %s', (_, caseId, epoch) => {
    const caseKey = generateSymmetricKey();
    const { sealed } = createCaseInboxKey(CASE, 2, caseKey);

    expect(() => openCaseInboxKey(caseId, epoch, sealed, caseKey)).toThrow(
      expect.objectContaining({ code: 'wrong-key' }),
    );
  });

  it('refuses another case key', () => {
    const { sealed } = createCaseInboxKey(CASE, 2, generateSymmetricKey());

    expect(() => openCaseInboxKey(CASE, 2, sealed, generateSymmetricKey())).toThrow(
      expect.objectContaining({ code: 'wrong-key' }),
    );
  });
});
