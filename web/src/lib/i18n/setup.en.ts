import type { setupZhCN } from './setup.zh-CN';

export const setupEn: { readonly [K in keyof typeof setupZhCN]: string } = {
  'setup.steps': 'Setup steps',
  'setup.stepOf': 'Step {current} of {total}',
  'setup.step.organization': 'Organization',
  'setup.step.admin': 'Administrator',
  'setup.step.recovery': 'Recovery',
  'setup.org.heading': 'Create your organization',
  'setup.org.intro':
    'Tacit runs as a private deployment for one organization. Data is encrypted in your browser; the server never sees counseling content.',
  'setup.org.name': 'Organization name',
  'setup.org.nameHint': 'For example: Clearsky Counseling Center',
  'setup.admin.heading': 'The first administrator',
  'setup.admin.intro':
    'Administrators manage people, forms, workflows and the audit log. Your keys are made in this browser; your passphrase never leaves this device.',
  'setup.admin.name': 'Full name',
  'setup.admin.email': 'Email',
  'setup.recovery.heading': 'Organization recovery key',
  'setup.recovery.intro':
    'The recovery key lets the organization recover case files during the legal retention period. It is split into N shares held by different people; any M of them together can use it, and nobody holds it alone.',
  'setup.recovery.total': 'Number of shares (N)',
  'setup.recovery.threshold': 'Shares needed to recover (M)',
  'setup.recovery.summary': 'Any {threshold} of the {total} shares can recover the key.',
  'setup.create': 'Create organization',
  'setup.creating': 'Generating keys in your browser…',
  'setup.creatingProgress':
    'This takes a few seconds: your passphrase is stretched so that it is slow to guess.',
  'setup.sheet.heading': 'Print and keep your recovery material',
  'setup.sheet.intro':
    'This is shown only once and the server has no copy. Print it and give each recovery share to a different responsible person.',
  'setup.sheet.share': 'Recovery share {index} of {total}',
  'setup.sheet.shareNote':
    'Any {threshold} shares recover the organization key. Keep this share on its own; do not photograph it or store it in the cloud.',
  'setup.sheet.org': 'Organization: {name}',
  'setup.sheet.date': 'Generated on {date}',
  'setup.sheet.fingerprint': 'Organization root key fingerprint',
  'setup.sheet.personalCode': 'Your personal recovery code',
  'setup.sheet.personalCodeNote':
    'If you forget your passphrase, log in with this code and choose a new one. Only you hold it.',
  'setup.sheet.print': 'Print recovery material',
  'setup.sheet.confirm': 'I have printed / saved these',
  'setup.sheet.finish': 'Continue to Tacit',
};
