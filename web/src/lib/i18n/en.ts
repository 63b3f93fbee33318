import { bookingStepsEn } from './booking-steps.en';
import { caseAdminEn } from './case-admin.en';
import { casesEn } from './cases.en';
import { clientsEn } from './clients.en';
import { complianceEn } from './compliance.en';
import { conferencesEn } from './conferences.en';
import { counselorProfilesEn } from './counselor-profiles.en';
import { dashboardsEn } from './dashboards.en';
import { formsEn } from './forms.en';
import { integrationsEn } from './integrations.en';
import { knowledgeEn } from './knowledge.en';
import type { Dictionary } from './messages';
import { portalEn } from './portal.en';
import { reportsEn } from './reports.en';
import { rulesEn } from './rules.en';
import { scheduleEn } from './schedule.en';
import { searchEn } from './search.en';
import { supervisionArchiveEn } from './supervision-archive.en';
import { workflowDesignerEn } from './workflow-designer.en';
import { workflowStepsEn } from './workflow-steps.en';
import { workflowsEn } from './workflows.en';

export const en: Dictionary = {
  ...clientsEn,
  ...conferencesEn,
  ...searchEn,
  ...knowledgeEn,
  ...complianceEn,
  ...casesEn,
  ...caseAdminEn,
  ...formsEn,
  ...integrationsEn,
  ...dashboardsEn,
  ...reportsEn,
  ...portalEn,
  ...scheduleEn,
  ...rulesEn,
  ...workflowsEn,
  ...workflowDesignerEn,
  ...bookingStepsEn,
  ...counselorProfilesEn,
  ...workflowStepsEn,
  ...supervisionArchiveEn,
  'app.name': 'Tacit',
  'app.documentTitle': 'Tacit',
  'app.tagline': 'The zero-knowledge office for counseling centers',

  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.cancel': 'Cancel',
  'common.continue': 'Continue',
  'common.back': 'Back',
  'common.close': 'Close',
  'common.refresh': 'Refresh',

  'locale.switch': 'Change language',
  'locale.other': '中文',

  'shell.skipToContent': 'Skip to main content',
  'shell.openMenu': 'Open navigation menu',
  'shell.navigation': 'Main navigation',
  'shell.userMenu': 'User menu',
  'shell.lock': 'Lock',
  'shell.logout': 'Log out',

  'nav.section.admin': 'Administration',
  'nav.section.director': 'Director',
  'nav.section.counselor': 'Counseling',
  'nav.section.supervisor': 'Supervision',
  'nav.section.frontdesk': 'Front desk',
  'nav.section.finance': 'Finance',
  'nav.users': 'Users & invitations',
  'nav.audit': 'Audit log',
  'nav.recovery': 'Recovery ceremony',
  'nav.forms': 'Forms',
  'nav.workflows': 'Workflows',
  'nav.rules': 'Rules',
  'nav.reports': 'Reports',
  'nav.settings': 'Settings',
  'nav.myCases': 'My cases',
  'nav.schedule': 'Schedule',
  'nav.tasks': 'Tasks',
  'nav.supervision': 'Supervision',
  'nav.sharedCases': 'Cases shared with me',
  'nav.bookings': 'Bookings',
  'nav.clients': 'Clients',
  'nav.payments': 'Payments',
  'nav.revenue': 'Revenue',

  'role.admin': 'Administrator',
  'role.director': 'Director',
  'role.supervisor': 'Supervisor',
  'role.counselor': 'Counselor',
  'role.frontdesk': 'Front desk',
  'role.finance': 'Finance',

  'comingSoon.title': 'Coming soon',
  'comingSoon.body': '“{page}” is being built and will appear here when it is ready.',
  'notFound.title': 'Page not found',
  'notFound.body': 'There is no page at this address.',
  'notFound.home': 'Back to the start page',
  'home.noPages': 'Your account has no role yet. Please ask an administrator.',

  'boot.failed.title': 'Cannot reach the server',
  'boot.failed.body': 'Check your network connection and try again.',

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

  'passphrase.label': 'Passphrase',
  'passphrase.hint':
    'At least 12 characters. A sentence only you know is easy to remember and hard to guess.',
  'passphrase.confirm': 'Confirm passphrase',
  'passphrase.show': 'Show passphrase',
  'passphrase.hide': 'Hide passphrase',
  'passphrase.showShort': 'Show',
  'passphrase.hideShort': 'Hide',
  'passphrase.strength': 'Strength: {level}',
  'passphrase.level.weak': 'weak',
  'passphrase.level.fair': 'fair',
  'passphrase.level.good': 'good',
  'passphrase.level.strong': 'strong',

  'validation.required': 'Please fill in this field',
  'validation.email': 'Enter a valid email address',
  'validation.tooLong': 'Use at most {max} characters',
  'validation.passphraseTooShort': 'Use at least {min} characters',
  'validation.passphraseTooWeak': 'This passphrase is easy to guess; try a longer sentence',
  'validation.passphraseMismatch': 'The passphrases do not match',
  'validation.rolesRequired': 'Choose at least one role',
  'validation.fixErrors': 'Please fix the marked fields first.',

  'login.heading': 'Log in',
  'login.intro': 'Your passphrase is used only in this browser, to open your keys.',
  'login.email': 'Email',
  'login.submit': 'Log in',
  'login.submitting': 'Unlocking your keys…',
  'login.useRecoveryCode': 'Forgot your passphrase? Use your recovery code',
  'login.recovery.heading': 'Log in with your recovery code',
  'login.recovery.intro':
    'Enter the personal recovery code you saved when you set up your account. Choose a new passphrase soon after.',
  'login.recovery.code': 'Recovery code',
  'login.recovery.usePassphrase': 'Log in with your passphrase',

  'invite.heading': 'Accept your invitation',
  'invite.checking': 'Checking your invitation…',
  'invite.invalid.title': 'This invitation link is not valid',
  'invite.invalid.body':
    'It may have been used already or expired. Ask your administrator to send a new one.',
  'invite.details': '{org} invites you ({email}) to join as: {roles}.',
  'invite.name': 'Full name',
  'invite.submit': 'Create account',
  'invite.submitting': 'Generating your keys in this browser…',
  'invite.done.heading': 'Your account is ready',
  'invite.done.fingerprint': 'Your key fingerprint',
  'invite.done.fingerprintNote':
    'Before certifying your key, your administrator will compare this fingerprint with you. Confirm it by phone or in person, not by email.',
  'invite.done.recoveryCode': 'Your personal recovery code',
  'invite.done.recoveryNote':
    'Shown only once. Print or copy it and keep it safe; it logs you in if you forget your passphrase.',
  'invite.done.confirm': 'I have saved my recovery code',
  'invite.done.toLogin': 'Go to log in',

  'lock.heading': 'Tacit is locked',
  'lock.intro':
    'To protect your clients, your keys were wiped from memory. Enter your passphrase to continue.',
  'lock.unlock': 'Unlock',
  'lock.unlocking': 'Unlocking…',

  'account.passphrase.menu': 'Change passphrase',
  'account.passphrase.heading': 'Change passphrase',
  'account.passphrase.cardTitle': 'Choose a new passphrase',
  'account.passphrase.intro':
    'Your new passphrase is used only in this browser: your keys are re-encrypted here and the server never sees it. Afterwards you are logged out on your other devices.',
  'account.passphrase.current': 'Current passphrase',
  'account.passphrase.new': 'New passphrase',
  'account.passphrase.confirm': 'Confirm new passphrase',
  'account.passphrase.submit': 'Save new passphrase',
  'account.passphrase.submitting': 'Re-encrypting your keys…',
  'account.passphrase.changed': 'Your passphrase has been changed. Use the new one to log in and unlock.',
  'account.passphrase.wrongCurrent': 'The current passphrase is not correct.',
  'account.passphrase.sameAsCurrent': 'The new passphrase must differ from the current one.',
  'account.reset.heading': 'Set a new passphrase',
  'account.reset.intro':
    'You logged in with your recovery code. Set a new passphrase first; you will then get a new recovery code and the old one stops working.',
  'account.reset.done.heading': 'Your new passphrase is set',
  'account.reset.done.intro':
    'Your old recovery code no longer works. Log in with your new passphrase from now on.',
  'account.reset.done.recoveryCode': 'Your new recovery code',
  'account.reset.done.recoveryNote':
    'Shown only once. Print or copy it and keep it safe; it logs you in if you forget your passphrase.',
  'account.reset.done.confirm': 'I have saved my new recovery code',
  'account.reset.done.continue': 'Enter Tacit',

  'users.heading': 'Users & invitations',
  'users.invite': 'Invite someone',
  'users.caption': 'Members of the organization',
  'users.col.name': 'Name',
  'users.col.email': 'Email',
  'users.col.roles': 'Roles',
  'users.col.status': 'Status',
  'users.col.supervisor': 'Supervisor',
  'users.supervisor.label': 'Supervisor of {name}',
  'users.supervisor.none': 'No supervisor',
  'users.supervisor.saved': '{supervisor} now supervises {name}.',
  'users.supervisor.cleared': '{name} has no supervisor now.',
  'users.status.active': 'Active',
  'users.status.pending_certification': 'Awaiting certification',
  'users.status.disabled': 'Disabled',
  'users.empty': 'No members yet.',
  'users.pending.heading': 'Keys awaiting certification',
  'users.pending.intro':
    'After a new member creates their account, an administrator certifies their public key. Compare the fingerprint with them by phone or in person first.',
  'users.pending.empty': 'No keys are waiting for certification.',
  'users.pending.fingerprint': 'Key fingerprint',
  'users.pending.certify': 'Certify',
  'users.certify.title': 'Certify the key of {name}',
  'users.certify.body':
    'Ask {email} to read their fingerprint to you by phone or in person and compare it group by group. Certify only if it matches exactly.',
  'users.certify.confirm': 'It matches — certify',
  'users.certify.working': 'Signing the certificate…',
  'users.certify.done': 'The key of {name} is certified.',
  'users.invitations.heading': 'Open invitations',
  'users.invitations.empty': 'No open invitations.',
  'users.invitations.expires': 'expires {date}',
  'users.inviteDialog.title': 'Invite someone',
  'users.inviteDialog.intro':
    'They receive an email with a one-time link and choose their passphrase in their own browser.',
  'users.inviteDialog.email': 'Email',
  'users.inviteDialog.roles': 'Roles (choose one or more)',
  'users.inviteDialog.submit': 'Send invitation',
  'users.inviteDialog.submitting': 'Sending…',
  'users.inviteDialog.sent': 'Invitation sent to {email}.',

  'audit.heading': 'Audit log',
  'audit.intro':
    'Every security-relevant event is appended to a hash chain. Verification recomputes the whole chain in your browser.',
  'audit.caption': 'Audit events, newest first',
  'audit.col.seq': 'Seq',
  'audit.col.time': 'Time',
  'audit.col.actor': 'Actor',
  'audit.col.type': 'Event',
  'audit.col.subject': 'Subject',
  'audit.system': 'System',
  'audit.verify': 'Verify chain',
  'audit.verifying': 'Verifying…',
  'audit.empty': 'No events yet.',
  'audit.loadMore': 'Load earlier events',

  'outbox.heading': 'Dev outbox',
  'outbox.intro': 'In local mode, outgoing email is not sent; it is kept here instead.',
  'outbox.empty': 'No email yet.',
  'outbox.to': 'To: {to}',
  'outbox.sentAt': 'Sent: {time}',

  'recovery.heading': 'Recovery ceremony',
  'recovery.intro':
    'When a counselor leaves or loses their keys, {threshold} directors bring their printed shares of the organization recovery key and type them into one browser. The recovery key exists only in this browser for the length of the operation and is wiped afterwards; the server never sees it, and every step is recorded in the audit log.',
  'recovery.people': 'Handover',
  'recovery.departed': 'Counselor who left (or lost their keys)',
  'recovery.newCounselor': 'Counselor taking over',
  'recovery.choose': 'Choose…',
  'recovery.sameCounselor': 'The counselor taking over cannot be the one who left',
  'recovery.noCounselors':
    'No counselor to choose: only active counselors with certified keys can receive cases.',
  'recovery.shares': 'Recovery key shares',
  'recovery.sharesHint':
    'Each share is 16 groups of 4 characters separated by dashes, as on the printed sheet.',
  'recovery.share': 'Share {n}',
  'recovery.shareInvalid': 'This share has a typo. Check each group of characters.',
  'recovery.submit': 'Recover and hand over the cases',
  'recovery.working': 'Recovering and handing over…',
  'recovery.confirm': 'Hand the cases over',
  'recovery.confirmTitle': 'Hand {departed}’s cases to {successor}?',
  'recovery.confirmBody':
    'This browser opens each case with {departed} as primary counselor with the recovery key, hands its key to {successor} and revokes {departed}’s access. The audit log records every case.',
  'recovery.progressOpening': 'Opening the case list with the recovery key…',
  'recovery.progress': 'Handed over {done} of {total} cases…',
  'recovery.done':
    '{count} cases handed over to {name}; {name}’s browser rotates each key the next time they open the case.',

  'error.unknown': 'Something went wrong. Please try again.',
  'error.network': 'Cannot reach the server. Check your network.',
  'error.server_error': 'The server ran into a problem. Try again in a moment.',
  'error.invalid_credentials': 'The email or passphrase is not correct.',
  'error.rate_limited': 'Too many attempts. Please wait a moment and try again.',
  'error.invitation_invalid': 'This invitation link is not valid or has expired.',
  'error.organization_exists': 'The organization already exists. Please log in.',
  'error.forbidden': 'You do not have permission to do this.',
  'error.session_expired': 'Your session has expired. Please log in again.',
  'error.root_key_changed':
    'The organization root key differs from the one recorded earlier. Tacit stopped for safety; contact your administrator.',
  'error.recovery_code_invalid': 'This recovery code has a typo. Check each group of characters.',
  'error.recovery_share_invalid':
    'One of the recovery key shares has a typo. Check each group of characters.',
  'error.recovery_shares_insufficient':
    'Not enough shares: enough different shares are needed (the same share typed twice counts once).',
  'error.recovery_shares_inconsistent':
    'These shares do not recover this organization’s recovery key: they may come from different splits or another organization.',
  'error.integrity':
    'The server returned data that failed a security check (it may have been altered). Nothing was shown. Contact your administrator.',
};
