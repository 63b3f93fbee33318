import type { errorsZhCN } from './errors.zh-CN';

export const errorsEn: { readonly [K in keyof typeof errorsZhCN]: string } = {
  'error.invalid_transition':
    'Someone else just changed this case’s status, so this change is not possible; open the case again.',
  'error.transfer_target_holds_access':
    'That counselor holds temporary access to this case: revoke it first (the key rotates on the next visit), then transfer.',
  'error.recipient_uncertified':
    'That person’s keys are not certified by the center, so the case key cannot go to them.',
  'error.no_case_access': 'You have no access to this case, or it does not exist.',
  'error.grant_expired': 'Your temporary access to this case has expired; you can no longer read it.',
  'error.grant_revoked': 'The primary counselor revoked your access to this case; you can no longer read it.',
  'error.write_required': 'You can read this case but not write to it.',
  'error.already_requested': 'You have already asked for access; please wait for the decision.',
  'error.already_holder': 'You already hold this case’s key.',
  'error.request_not_pending': 'This request has already been decided.',
  'error.case_conflict': 'Someone else just changed this case. Please try again.',
  'error.case_archived': 'This case is archived and can no longer be changed.',
  'error.key_unavailable': 'The key to this case cannot be opened.',
  'error.integrity_dropped': 'A record is missing from the case log: the server removed or withheld it.',
  'error.integrity_reordered':
    'The case log is out of order: records were not returned in the order they were written.',
  'error.integrity_injected':
    'The case log contains a record that does not belong to it: someone inserted it.',
  'error.integrity_altered':
    'A record’s content or operational details were changed after it was signed into the log.',
  'error.integrity_bad_signature':
    'A case log signature is invalid: a record was not written by its named author.',
  'error.integrity_uncertified':
    'The case log is signed by a key the organization never certified; it cannot be trusted.',
  'error.integrity_rollback':
    'The case was rolled back to an older state: this browser has already seen newer records.',
  'error.integrity_stale_revision':
    'The server returned an older revision of a record instead of the latest one.',
  'error.attachment_too_large': 'The attachment is too large: the server accepts at most 25 MB.',
  'error.attachment_incomplete': 'This attachment was not uploaded completely and cannot be downloaded.',
  'error.attachment_tampered':
    'The attachment failed its integrity check: it was truncated, spliced or altered, and was refused.',
  'error.case_not_closed': 'Only a closed case can be destroyed.',
  'error.self_approval': 'Destruction needs a second person: whoever asked cannot confirm.',
  'error.backup_mismatch':
    'The backup does not fit this deployment’s database, or its audit chain is broken.',
  'error.conference_not_found': 'No such conference, or you do not take part in it.',
  'error.conference_removed': 'You were removed from this conference and can no longer read it.',
  'error.conference_expired': 'This conference has ended.',
  'error.conference_conflict': 'The conference just changed (someone was removed, say). Try again.',
  'error.already_participant': 'This person is or was a participant of this conference.',
  'error.form_untrusted':
    'This form version is not signed by an administrator of this center, or it was changed after signing. It was not used: contact an administrator.',
  'error.invalid_request': 'The request is incomplete or malformed. Please check it and try again.',
  'error.refund_exceeds_payment': 'Refunds cannot exceed the amount paid.',
  'error.booking_closed': 'Online booking is not open yet.',
  'error.stale_group_key': 'This booking page is out of date. Reload it and send again.',
  'error.captcha_failed': 'The human check failed. Please try again.',
  'error.slot_unavailable': 'That time has just been taken. Please choose another one.',
  'error.no_front_desk_key':
    'You do not hold the front-desk key yet. Another front-desk member or an admin shares it when they next open a front-desk page.',
  'error.no_staff_key':
    'You do not have the staff key yet: a colleague who holds it must open the knowledge base to deliver it to you.',
  'error.knowledge_not_found': 'No such article or category.',
  'error.knowledge_conflict':
    'Someone saved this article a moment ago, or the staff key was just changed. Open the article again, then edit.',
  'error.category_name_taken': 'A category with this name exists.',
  'error.name_taken': 'This name is already taken.',
  'error.not_published':
    'This process is not published yet; an admin installs and publishes it under Workflows.',
  'error.already_running': 'This process already runs on this case; go on with it in the inbox.',
  'error.server_error': 'The server ran into a problem. Try again in a moment.',
};
