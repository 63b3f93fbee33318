import type { caseAdminZhCN } from './case-admin.zh-CN';

export const caseAdminEn: { readonly [K in keyof typeof caseAdminZhCN]: string } = {
  'case.contact.opening': 'Decrypting the contact card…',

  'case.admin.heading': 'Case management',
  'case.admin.status': 'Case status',
  'case.admin.status.move': 'Move to “{status}”',
  'case.admin.status.final': 'An archived case keeps its status.',
  'case.admin.status.changed': 'The case is now “{status}”.',
  'case.admin.transfer': 'Transfer to another counselor',
  'case.admin.transfer.choose': 'New primary counselor',
  'case.admin.transfer.none': 'No other certified counselor can take this case.',
  'case.admin.transfer.submit': 'Transfer case…',
  'case.admin.transfer.title': 'Transfer this case?',
  'case.admin.transfer.body':
    '{name} becomes the primary counselor: your browser encrypts the case key (read and write, no expiry) and the client’s contact card key, if you hold it, to them. The transfer is audited. You keep the key until the new primary counselor revokes your access.',
  'case.admin.transfer.confirm': 'Transfer',
  'case.admin.transfer.done': 'The case now belongs to {name}, and the key is delivered.',
  'case.admin.primaryWithoutKey': 'The primary counselor, {name}, does not hold this case’s key yet.',
  'case.admin.deliverPrimary': 'Give the key to the primary counselor',
  'case.admin.primaryDelivered': 'The key is delivered to {name}.',
  'case.admin.rotate': 'Case key',
  'case.admin.rotate.hint':
    'Generation {epoch}. Rotating gives the current holders a new generation; the old key cannot read anything written afterwards.',
  'case.admin.rotate.submit': 'Rotate key',
  'case.admin.rotate.done': 'The case key was rotated (generation {epoch}).',
  'case.admin.busy': 'Working…',

  'case.export.open': 'Print or export',
  'case.print.heading': 'Case {id} · export',
  'case.print.intro':
    'This page is decrypted in your browser; the server never sees it. To get a PDF, print and choose “Save as PDF”. Every export is recorded in the audit log.',
  'case.print.opening': 'Decrypting and preparing the export…',
  'case.print.print': 'Print or save as PDF',
  'case.print.json': 'Download JSON',
  'case.print.jsonSaved': 'The JSON file was downloaded.',
  'case.print.back': 'Back to the case',
  'case.print.exportedAt': 'Exported {date} by {name}',
  'case.print.verification': 'Log verified: {count} entries, head {head}',
  'case.print.details': '{service} · {channel} · opened {date} · {status}',

  'access.counselor': 'Primary counselor: {name}. Only they can decrypt your note.',
  'access.cancel': 'Withdraw request',
  'access.cancelled': 'Your request was withdrawn.',

  'shared.open.notFound': 'No case has this number.',
  'shared.open.many': 'This number matches several cases; choose one:',
  'shared.open.finding': 'Looking it up…',
  'shared.open.counselor': 'Primary counselor {name}',
} as const;
