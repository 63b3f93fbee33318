import type { clientsZhCN } from './clients.zh-CN';

export const clientsEn: { readonly [K in keyof typeof clientsZhCN]: string } = {
  'clients.heading': 'Clients',
  'clients.intro':
    'Contact cards are decrypted in your browser with the front-desk key; the server stores only ciphertext and never sees names or phone numbers.',
  'clients.new': 'Register a client',
  'clients.empty': 'No contact cards you can open yet.',
  'clients.noKey':
    'The front-desk key has not reached you yet. Once an admin creates it, or the next time a front-desk colleague opens this page, you will see every client.',
  'clients.col.name': 'Name',
  'clients.col.phone': 'Phone',
  'clients.col.channel': 'Came through',
  'clients.col.registered': 'Registered',
  'clients.col.actions': 'Actions',
  'clients.unreadable': 'This contact card failed its checks and cannot be opened.',
  'clients.shareAction': 'Hand to a counselor',
  'clients.created': 'Client registered.',
  'clients.shared': "{name}'s contact card is now with {counselor}, who can open a case.",
  'clients.new.title': 'Register a client',
  'clients.new.intro':
    'A contact card only, no case. It is encrypted in this browser; the front desk and the counselor you hand it to can open it.',
  'clients.new.submit': 'Register',
  'clients.new.submitting': 'Encrypting and saving…',
  'clients.share.title': 'Hand {name} to a counselor',
  'clients.share.intro':
    'The contact-card key is encrypted to the chosen counselor in this browser; they can then open a case for this client.',
  'clients.share.counselor': 'Counselor',
  'clients.share.choose': 'Choose a counselor',
  'clients.share.noCounselors':
    'No counselor to choose: only active counselors with certified keys can receive contact cards.',
  'clients.share.submit': 'Hand over',
  'clients.share.submitting': 'Encrypting and sending…',
  'clients.forCase.source': 'Client',
  'clients.forCase.newClient': 'A new client',
  'frontDesk.heading': 'Front-desk key',
  'frontDesk.intro':
    "The front desk opens every client's contact card with this group key. It lives only in front-desk members' browsers; after someone leaves the front desk, the next member to open the Clients page replaces it.",
  'frontDesk.none': 'No front-desk key yet.',
  'frontDesk.noMembers':
    'No front-desk member has certified keys yet; invite and certify one, then create the key.',
  'frontDesk.create': 'Create the front-desk key',
  'frontDesk.creating': 'Creating…',
  'frontDesk.exists': 'The front-desk key exists (generation {epoch}); {members} front-desk members.',
  'frontDesk.created': 'Front-desk key created and encrypted to every front-desk member.',
  'frontDesk.groupName': 'Front desk',
  'clients.reminders.short': 'Reminders',
  'clients.reminders.action': 'Appointment reminders for {name}',
  'clients.reminders.title': 'Appointment reminders for {name}',
  'clients.reminders.intro':
    'Record the client’s own choice. A reminder is sent 24 hours before each appointment and says only when it is.',
  'clients.reminders.visibility':
    'If the client opts in, this email address is stored in plaintext on the server so it can send reminders. It is the only contact detail the server can read; everything else on the card stays encrypted.',
  'clients.reminders.isOn': 'Reminders are on for this client.',
  'clients.reminders.isOff': 'Reminders are off for this client.',
  'clients.reminders.email': 'Email for reminders',
  'clients.reminders.emailInvalid': 'Enter a valid email address.',
  'clients.reminders.submit': 'Opt in to reminders',
  'clients.reminders.submitting': 'Saving…',
  'clients.reminders.stop': 'Stop reminders and forget the address',
  'clients.reminders.saved': '{name} will get appointment reminders.',
  'clients.reminders.stopped': '{name} will get no more reminders; the server forgot the address.',
};
