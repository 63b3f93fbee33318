import { describe, expect, it } from 'vitest';
import { webhookUrlProblem } from '../../../core/api/webhook-url.js';

describe('where outbound webhooks may go', () => {
  it('accepts public https hosts and global addresses', () => {
    for (const url of [
      'https://crm.example/hooks/tacit',
      'https://hooks.partner.example.com:8443/in?x=1',
      'https://8.8.8.8/hook',
      'https://[2606:4700:4700::1111]/hook',
    ]) {
      expect(webhookUrlProblem(url), url).toBeNull();
    }
  });

  it('refuses anything but https, and credentials in the URL', () => {
    expect(webhookUrlProblem('http://crm.example/h')).toBe('not_https');
    expect(webhookUrlProblem('ftp://crm.example/h')).toBe('not_https');
    expect(webhookUrlProblem('not a url')).toBe('not_a_url');
    expect(webhookUrlProblem('https://user:secret@crm.example/h')).toBe('credentials');
    expect(webhookUrlProblem('https://user@crm.example/h')).toBe('credentials');
  });

  it('refuses localhost-like and internal names', () => {
    for (const url of [
      'https://localhost/h',
      'https://LOCALHOST./h',
      'https://api.localhost/h',
      'https://printer.local/h',
      'https://metadata.google.internal/computeMetadata',
      'https://intranet/h',
    ]) {
      expect(webhookUrlProblem(url), url).toBe('internal_host');
    }
  });

  it('refuses private, loopback, link-local and reserved IP literals in any notation', () => {
    for (const url of [
      'https://127.0.0.1/h',
      'https://127.1/h',
      'https://0x7f000001/h',
      'https://2130706433/h',
      'https://10.0.0.5/h',
      'https://172.16.3.4/h',
      'https://172.31.255.255/h',
      'https://192.168.1.1/h',
      'https://169.254.169.254/latest/meta-data',
      'https://100.64.0.1/h',
      'https://0.0.0.0/h',
      'https://224.0.0.1/h',
      'https://[::1]/h',
      'https://[::]/h',
      'https://[fe80::1]/h',
      'https://[fd00::1]/h',
      'https://[::ffff:127.0.0.1]/h',
      'https://[::ffff:a9fe:a9fe]/h',
    ]) {
      expect(webhookUrlProblem(url), url).toBe('private_address');
    }
    expect(webhookUrlProblem('https://172.32.0.1/h')).toBeNull();
  });
});
