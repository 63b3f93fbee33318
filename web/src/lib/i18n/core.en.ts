import type { coreZhCN } from './core.zh-CN';
import { errorsEn } from './errors.en';
import { shellEn } from './shell.en';
import { statesCareEn } from './states-care.en';

export const coreEn: { readonly [K in keyof typeof coreZhCN]: string } = {
  ...errorsEn,
  ...shellEn,
  ...statesCareEn,
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

  'error.unknown': 'Something went wrong. Please try again.',
  'error.network': 'Cannot reach the server. Check your network.',
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
