import { describe, expect, it } from 'vitest';
import { consentScanForm } from '../../../core/forms/templates/index';
import {
  asStoredFile,
  fileLimit,
  formatFileSize,
  isPendingFile,
  MAX_ATTACHMENT_BYTES,
  pendingFile,
} from '../../../web/src/features/forms/file-value';

describe('file field values', () => {
  it('carries a chosen file with an empty id, its name and type, until it is uploaded', () => {
    const chosen = new File([new Uint8Array([1, 2, 3])], 'consent.pdf', { type: 'application/pdf' });
    const value = pendingFile(chosen);
    expect(value).toMatchObject({ attachmentId: '', size: 3, name: 'consent.pdf', type: 'application/pdf' });
    expect(isPendingFile(value)).toBe(true);
    expect(isPendingFile({ attachmentId: 'a', size: 3 })).toBe(false);
  });

  it('reads a stored value and ignores what is not one', () => {
    expect(asStoredFile({ attachmentId: 'a', size: 3, name: 'x.png', extra: 1 })).toEqual({
      attachmentId: 'a',
      size: 3,
      name: 'x.png',
    });
    expect(asStoredFile({ size: 3 })).toBeNull();
    expect(asStoredFile('a')).toBeNull();
  });

  it('never allows more than the server accepts', () => {
    const field = consentScanForm.fields.find((candidate) => candidate.type === 'file');
    if (!field) throw new Error('the consent scan has a file field');
    expect(fileLimit(field)).toBe(MAX_ATTACHMENT_BYTES);
    expect(fileLimit({ ...field, maxBytes: 100 * 1024 * 1024 })).toBe(MAX_ATTACHMENT_BYTES);
    expect(fileLimit({ ...field, maxBytes: 1000 })).toBe(1000);
  });

  it('shows sizes in binary units', () => {
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(1536)).toBe('1.5 KB');
    expect(formatFileSize(25 * 1024 * 1024)).toBe('25.0 MB');
    expect(formatFileSize(300 * 1024)).toBe('300 KB');
  });
});
