import type { portalZhCN } from './portal.zh-CN';

export const portalEn: { readonly [K in keyof typeof portalZhCN]: string } = {
  'measures.heading': 'Score trend',
  'measures.empty':
    'No PHQ-9 or GAD-7 yet. Once a client fills one through a link and it is filed, the scores show here.',
  'measures.latest': 'latest: {value} ({band})',
  'measures.chartSummary': '{scale}: {count} completions from {from} to {to}, latest {latest} ({band})',
  'measures.col.date': 'Completed',
  'measures.col.total': 'Total',
  'measures.col.risk': 'Risk flags',
  'measures.col.severity': 'Severity',

  'portal.heading': 'Client links',
  'portal.intro':
    'Make a one-time link for the client to fill the consent, a scale or the satisfaction survey on their phone, without an account. The answers are encrypted in the client’s browser; only this case’s key holders can open them.',
  'portal.loading': 'Reading links and submissions…',
  'portal.pending.heading': 'Submissions to file',
  'portal.pending.empty': 'Nothing waiting to be filed.',
  'portal.links.heading': 'Links made',
  'portal.links.col.form': 'Form',
  'portal.links.col.status': 'Status',
  'portal.links.col.expires': 'Valid until',
  'portal.links.col.actions': 'Actions',
  'portal.links.withdraw': 'Withdraw',
  'portal.status.open': 'Waiting',
  'portal.status.submitted': 'Submitted',
  'portal.status.expired': 'Expired',
  'portal.status.revoked': 'Withdrawn',
  'portal.status.outdated': 'Outdated (the case key was rotated)',
  'portal.send.form': 'Form',
  'portal.send.lifetime': 'Valid for',
  'portal.send.hours.24': '1 day',
  'portal.send.hours.72': '3 days',
  'portal.send.hours.168': '7 days',
  'portal.send.submit': 'Make link',
  'portal.send.sending': 'Making the link…',
  'portal.send.link': 'One-time link',
  'portal.send.copy': 'Copy',
  'portal.send.copied': 'Copied',
  'portal.send.once':
    'The link is shown only now and works once. Send it to the client through your usual channel; it carries this case’s encryption public key.',
  'portal.submission.pending': 'To file',
  'portal.submission.meta': 'Sent by the client on {date}',
  'portal.submission.risk': 'Risk:',
  'portal.submission.score': 'Total {value} ({band})',
  'portal.submission.file': 'File into the case',
  'portal.submission.filing': 'Encrypting, signing and filing…',
  'portal.submission.discard': 'Discard',
  'portal.submission.discardConfirm':
    'A discarded submission cannot be recovered; the client would fill a new link.',
  'portal.submission.discardYes': 'Discard it',
  'portal.check.ok': 'Checked',
  'portal.check.unreadable':
    'This submission cannot be opened: it was not sealed to this case’s inbox key, or it was tampered with.',
  'portal.check.invalid': 'The answers are incomplete or do not fit the form, so they cannot be filed.',
  'portal.check.operational_altered':
    'The score or date the server kept differs from the client’s sealed answers; it may have been tampered with. Do not file it; tell an administrator.',
  'portal.check.unknown_form': 'This version of the app does not know this submission’s form.',

  'portal.fill.opening': 'Opening the form…',
  'portal.fill.privacy':
    'Your answers are encrypted on this device first; only the counselors caring for you can read them. The link is valid until {date} and can be sent once.',
  'portal.fill.submit': 'Encrypt and send',
  'portal.fill.sending': 'Encrypting and sending…',
  'portal.fill.thanks.title': 'Sent — thank you',
  'portal.fill.thanks.body': 'Your answers reached your counselor, encrypted. You can close this page now.',
  'portal.fill.invalid.title': 'This link cannot be opened',
  'portal.fill.error.portal_link_invalid':
    'This link is not valid or was withdrawn. Ask your counselor for a new one.',
  'portal.fill.error.portal_link_used':
    'This link has already been used. If you need to fill the form again, ask your counselor.',
  'portal.fill.error.portal_link_expired': 'This link has expired. Ask your counselor for a new one.',
  'portal.fill.error.portal_link_outdated': 'This link is no longer valid. Ask your counselor for a new one.',
  'portal.fill.error.key_mismatch':
    'A security check failed: the server offered a different encryption key than the one in the link. To protect your privacy the form was not opened; please contact your counseling center.',
  'portal.fill.error.unknown_form': 'The form behind this link cannot be shown. Ask your counselor.',
  'portal.fill.error.network': 'The server cannot be reached. Check your connection and try again.',
  'portal.fill.error.unknown': 'Something went wrong. Please try again later.',
};
