import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_CHUNK_BYTES,
  type CaseAttachmentBinding,
  decryptAttachment,
  decryptAttachmentChunk,
  encryptAttachment,
  encryptAttachmentChunk,
} from '../../crypto/attachment.js';
import { randomBytes } from '../../crypto/bytes.js';
import type { Envelope } from '../../crypto/envelope.js';

const CHUNK = ATTACHMENT_CHUNK_BYTES;

function binding(overrides: Partial<CaseAttachmentBinding> = {}): CaseAttachmentBinding {
  return {
    org: '3f6d2a10-5b7e-4c8a-9d1f-2e4b6a8c0d13',
    caseId: '8a1c3e5f-7b9d-4f2a-8c6e-0d2f4a6b8c9e',
    attachmentId: 'c4e6a8b0-1d3f-4a5c-9e7b-2f4d6a8c0e12',
    ...overrides,
  };
}

function encrypt(key: Uint8Array, data: Uint8Array, b = binding()): Envelope[] {
  return [...encryptAttachment(key, b, data)];
}

describe('attachment chunks (PROTOCOL §3, kind 0x04)', () => {
  describe('round trip', () => {
    it('decrypts a multi-chunk attachment with a short final chunk', () => {
      const key = randomBytes(32);
      const data = randomBytes(2 * CHUNK + 100);

      const chunks = encrypt(key, data);

      expect(chunks).toHaveLength(3);
      expect(decryptAttachment(key, binding(), chunks)).toEqual(data);
    });

    it('keeps exactly 64 KiB in one final chunk', () => {
      const key = randomBytes(32);
      const data = randomBytes(CHUNK);

      const chunks = encrypt(key, data);

      expect(chunks).toHaveLength(1);
      expect(decryptAttachment(key, binding(), chunks)).toEqual(data);
    });

    it('encrypts empty data as one empty final chunk', () => {
      const key = randomBytes(32);

      const chunks = encrypt(key, new Uint8Array(0));

      expect(chunks).toHaveLength(1);
      expect(decryptAttachment(key, binding(), chunks)).toEqual(new Uint8Array(0));
    });

    it('refuses an attachment with no chunks at all', () => {
      expect(() => decryptAttachment(randomBytes(32), binding(), [])).toThrow(
        expect.objectContaining({ code: 'malformed' }),
      );
    });
  });

  describe('stream integrity', () => {
    it('detects a dropped last chunk as truncation', () => {
      const key = randomBytes(32);
      const chunks = encrypt(key, randomBytes(2 * CHUNK + 100));

      expect(() => decryptAttachment(key, binding(), chunks.slice(0, -1))).toThrow(
        expect.objectContaining({ code: 'tampered' }),
      );
    });

    it('detects two swapped chunks', () => {
      const key = randomBytes(32);
      const [first, second, last] = encrypt(key, randomBytes(2 * CHUNK + 100)) as [
        Envelope,
        Envelope,
        Envelope,
      ];

      expect(() => decryptAttachment(key, binding(), [second, first, last])).toThrow(
        expect.objectContaining({ code: 'wrong-key' }),
      );
    });

    it('detects a chunk of another attachment appended under the same key', () => {
      const key = randomBytes(32);
      const chunks = encrypt(key, randomBytes(CHUNK + 10));
      const other = encrypt(
        key,
        randomBytes(10),
        binding({ attachmentId: '9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4' }),
      );

      // The genuine last chunk now reads as non-final, so it is refused as an extended stream.
      expect(() => decryptAttachment(key, binding(), [...chunks, ...other])).toThrow(
        expect.objectContaining({ code: 'tampered' }),
      );
    });

    it("refuses another attachment's chunk put at the same index", () => {
      const key = randomBytes(32);
      const ours = encrypt(key, randomBytes(CHUNK));
      const theirs = encrypt(
        key,
        randomBytes(CHUNK + 10),
        binding({ attachmentId: '9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4' }),
      );

      expect(() => decryptAttachmentChunk(key, binding(), 1, true, theirs[1] as Envelope)).toThrow(
        expect.objectContaining({ code: 'wrong-key' }),
      );
      expect(() => decryptAttachment(key, binding(), [...ours, theirs[1] as Envelope])).toThrow(
        expect.objectContaining({ code: 'tampered' }),
      );
    });

    it.each([
      ['another attachment id', { attachmentId: '0f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b' }],
      ['another case', { caseId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' }],
      ['another org', { org: '6f5e4d3c-2b1a-4098-b7a6-958473625140' }],
    ])('refuses a chunk moved to %s', (_, moved) => {
      const key = randomBytes(32);
      const chunks = encrypt(key, randomBytes(100));

      expect(() => decryptAttachment(key, binding(moved), chunks)).toThrow(
        expect.objectContaining({ code: 'wrong-key' }),
      );
    });

    it('refuses the wrong key', () => {
      const chunks = encrypt(randomBytes(32), randomBytes(CHUNK + 1));

      expect(() => decryptAttachment(randomBytes(32), binding(), chunks)).toThrow(
        expect.objectContaining({ code: 'wrong-key' }),
      );
    });

    it('detects a flipped ciphertext bit as tampering', () => {
      const key = randomBytes(32);
      const [chunk] = encrypt(key, randomBytes(100)) as [Envelope];
      const altered = chunk.slice();
      altered[altered.length - 20] = (altered[altered.length - 20] as number) ^ 0x01;

      expect(() => decryptAttachment(key, binding(), [altered])).toThrow(
        expect.objectContaining({ code: 'tampered' }),
      );
    });
  });

  describe('encrypting', () => {
    it('refuses a non-final chunk shorter than 64 KiB', () => {
      expect(() =>
        encryptAttachmentChunk(randomBytes(32), binding(), 0, false, randomBytes(CHUNK - 1)),
      ).toThrow(expect.objectContaining({ code: 'malformed' }));
    });

    it('refuses a chunk longer than 64 KiB', () => {
      expect(() =>
        encryptAttachmentChunk(randomBytes(32), binding(), 0, true, randomBytes(CHUNK + 1)),
      ).toThrow(expect.objectContaining({ code: 'malformed' }));
    });

    it('accepts a short final chunk', () => {
      const key = randomBytes(32);
      const data = randomBytes(10);

      const chunk = encryptAttachmentChunk(key, binding(), 4, true, data);

      expect(decryptAttachmentChunk(key, binding(), 4, true, chunk)).toEqual(data);
    });
  });
});
