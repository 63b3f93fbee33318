import type { statesCareZhCN } from './states-care.zh-CN';

export const statesCareEn: { readonly [K in keyof typeof statesCareZhCN]: string } = {
  'case.access.revokeNamed': 'Revoke {name}’s access',
  'case.access.revokeConfirm.title': 'Revoke {name}’s access?',
  'case.access.revokeConfirm.body':
    '{name} will no longer be able to open case {number}. The case key rotates on the next visit of a holder who may write.',
  'case.access.revokeConfirm.bodyRotate':
    '{name} will no longer be able to open case {number}. Your browser then rotates the case key for the remaining holders, so nothing written afterwards reaches them.',
  'case.access.revoking': 'Revoking…',
  'case.access.revokeStep.revoke': 'Step {step} of {steps}: revoking access…',
  'case.access.revokeStep.rotate':
    'Step {step} of {steps}: wrapping a new case key for the remaining holders…',
  'case.access.revokedRotated':
    '{name}’s access was revoked and the case key rotated (generation {epoch}): nothing written from now on reaches them.',
  'case.admin.rotate.working': 'Rotating…',
  'case.admin.rotate.progress':
    'Making a new generation of the case key in this browser and wrapping it to every holder…',
  'case.admin.end.title': 'Move case {number} to “{status}”?',
  'case.admin.end.closeBody':
    'A closed case leaves your active work; it can be reopened later and its records stay as they are.',
  'case.admin.end.archiveBody':
    'An archived case can no longer change its status or take new records. This cannot be undone.',
  'case.admin.end.confirm': 'Change status',
  'case.admin.end.working': 'Changing…',
  'case.upload.progress': 'Encrypting and uploading “{name}”: chunk {done} of {total}',
  'case.download.progress': 'Downloading and decrypting “{name}”: chunk {done} of {total}',
  'case.print.jsonWorking': 'Exporting…',
  'case.print.jsonProgress': 'Decrypting and gathering the whole case in this browser…',
  'schedule.cancelConfirm.title': 'Cancel {client}’s appointment on {when}?',
  'schedule.cancelConfirm.body':
    'The reason is recorded as “{reason}”. The slot becomes free; the appointment stays in the calendar as cancelled.',
  'schedule.cancelConfirm.bodySeries': 'This cancels: {scope}; the reason is recorded as “{reason}”.',
  'schedule.cancelConfirm.confirm': 'Yes, cancel it',
  'schedule.cancelConfirm.working': 'Cancelling…',
  'schedule.exceptions.removeNamed': 'Remove {exception}',
  'schedule.exceptions.removeConfirm': 'Remove the exception {exception}?',
  'schedule.exceptions.removeBody':
    'That day goes back to the weekly hours; you can add it again at any time.',
  'schedule.exceptions.removing': 'Removing…',
  'schedule.feed.revokeConfirm': 'Turn the calendar subscription off?',
  'schedule.feed.revokeBody':
    'Calendar apps subscribed to it stop receiving your appointments. You can issue a new link later; the old one does not come back.',
  'schedule.feed.revoking': 'Turning off…',
  'clients.reminders.stopConfirm': 'Stop reminders for {name}?',
  'clients.reminders.stopBody':
    'The server forgets this client’s reminder address; turning reminders on again needs the client’s consent anew.',
  'clients.reminders.stopping': 'Stopping…',
  'case.records.emptyHint':
    'Every record you write is encrypted in this browser and then appended to the case log.',
  'case.records.emptyHintReadOnly': 'Records appear here once the primary counselor writes them.',
  'case.records.writeFirst': 'Write the first session note',
  'cases.emptyHint': 'A new client and case appears here; only you and the org recovery key hold its key.',
  'shared.emptyHint':
    'To see a case, enter the case link or number its primary counselor gave you above, then ask for access.',
  'tasks.emptyHint': 'Tasks that rules and workflows assign to you appear here.',
  'bookings.emptyHint': 'Requests that clients send through the booking widget on your website appear here.',
  'clients.emptyHint': 'Clients appear here once you add one or someone shares a contact card with you.',
  'portal.links.withdrawNamed': 'Withdraw the link for “{form}”',
  'portal.links.withdrawConfirm': 'Withdraw the link for “{form}”?',
  'portal.links.withdrawBody':
    'The client can no longer fill the form with this link; to have it filled, send a new link.',
  'portal.links.withdrawing': 'Withdrawing…',
  'portal.fill.failed.title': 'The form could not be opened just now',
  'page.failed.title': 'This page could not be shown',
  'cases.newFirst': 'Add the first client',
};
