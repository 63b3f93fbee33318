/**
 * Case conferences for the pages (issue 14): adapts lib/protocol/conferences to the vault and the
 * signed-in session, as lib/cases does for case files. Conference keys live only while one call
 * runs; decrypted messages go to the caller's memory and nowhere else.
 */

import { type ConferenceView, userListSchema } from '../../../core/api/index';
import { ApiError } from './api-client';
import { toAppError } from './app-errors';
import { api } from './cases/context';
import { withCaseContext } from './cases/index';
import { AppError, type AppErrorCode } from './errors';
import type { CaseContext } from './protocol/cases/context';
import * as protocol from './protocol/conferences/index';
import type { UserKeys } from './vault';

export type { ConferenceView } from '../../../core/api/index';
export type { MessageProblem, ThreadEntry, ThreadWarning } from './protocol/conferences/index';
export { mentionsIn } from './protocol/conferences/index';

const CONFERENCE_API_ERRORS: Partial<Record<string, AppErrorCode>> = {
  not_found: 'conference_not_found',
  participant_removed: 'conference_removed',
  no_key: 'conference_removed',
  conference_expired: 'conference_expired',
  grant_expired: 'grant_expired',
  stale_epoch: 'conference_conflict',
  rotation_required: 'conference_conflict',
  rotation_not_due: 'conference_conflict',
  participants_mismatch: 'conference_conflict',
  already_participant: 'already_participant',
  bad_recipient: 'recipient_uncertified',
};

const CONFLICTS = new Set(['stale_epoch', 'rotation_required']);

/** Server refusals about conferences keep their own sentence (lib/cases would call them case errors). */
function conferenceError(error: unknown): unknown {
  if (error instanceof ApiError && CONFERENCE_API_ERRORS[error.code]) {
    return new AppError(CONFERENCE_API_ERRORS[error.code] as AppErrorCode, error.message);
  }
  return error;
}

async function runConference<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toAppError(conferenceError(error));
  }
}

function withConferenceContext<T>(keys: UserKeys, use: (context: CaseContext) => Promise<T>): Promise<T> {
  return withCaseContext(keys, async (context) => {
    try {
      return await use(context);
    } catch (error) {
      throw conferenceError(error);
    }
  });
}

/** Unlocks, rotates first when a removal left the key due (any remaining participant's visit does), runs `use`, wipes. */
async function withUnlocked<T>(
  context: CaseContext,
  conferenceId: string,
  use: (unlocked: protocol.UnlockedConference, rotatedToEpoch: number | null) => Promise<T>,
): Promise<T> {
  let unlocked = await protocol.unlockConference(context, conferenceId);
  let rotatedToEpoch: number | null = null;
  try {
    if (unlocked.view.rotationDue) {
      rotatedToEpoch = await protocol.rotateConference(context, unlocked);
      protocol.closeConference(unlocked);
      unlocked = await protocol.unlockConference(context, conferenceId);
    }
    return await use(unlocked, rotatedToEpoch);
  } finally {
    protocol.closeConference(unlocked);
  }
}

/** Someone may hear of a conference: an active member with certified keys and a clinical role. */
export interface ConferencePerson {
  readonly id: string;
  readonly displayName: string;
  readonly clinician: boolean;
}

const CLINICAL_ROLES = ['counselor', 'supervisor', 'director'];

export function fetchConferencePeople(): Promise<ReadonlyMap<string, ConferencePerson>> {
  return runConference(async () => {
    const { users } = await api.get('/api/users/directory', userListSchema);
    return new Map(
      users.map((user) => [
        user.id,
        {
          id: user.id,
          displayName: user.displayName,
          clinician:
            user.status === 'active' &&
            user.cert !== null &&
            user.roles.some((role) => CLINICAL_ROLES.includes(role)),
        },
      ]),
    );
  });
}

export function listMyConferences(): Promise<readonly ConferenceView[]> {
  return runConference(async () => (await protocol.listConferences({ api })).conferences);
}

export interface ConferenceThread {
  readonly view: ConferenceView;
  readonly title: string | null;
  readonly summary: string | null;
  /** messages other than the opening one, in order; failures stay in place as failures */
  readonly entries: readonly protocol.ThreadEntry[];
  readonly warnings: readonly protocol.ThreadWarning[];
  /** set when this visit rotated the key (someone had been removed) */
  readonly rotatedToEpoch: number | null;
}

function toThread(
  view: ConferenceView,
  reading: protocol.ThreadReading,
  rotatedToEpoch: number | null,
): ConferenceThread {
  const first = reading.entries[0];
  const opening = first?.ok && first.body.kind === 'opening' ? first.body : null;
  return {
    view,
    title: opening?.title ?? null,
    summary: opening?.summary || null,
    entries: opening ? reading.entries.slice(1) : reading.entries,
    warnings: reading.warnings,
    rotatedToEpoch,
  };
}

const seqStore = () => protocol.localStorageConferenceSeqs(localStorage);

/** Opens, verifies and decrypts the whole thread, and marks it read. */
export function openConferenceThread(keys: UserKeys, conferenceId: string): Promise<ConferenceThread> {
  return withConferenceContext(keys, (context) =>
    withUnlocked(context, conferenceId, async (unlocked, rotatedToEpoch) =>
      toThread(
        unlocked.view,
        await protocol.readConferenceThread(context, unlocked, seqStore()),
        rotatedToEpoch,
      ),
    ),
  );
}

export interface ConferencePlan {
  readonly caseId: string;
  readonly participantIds: readonly string[];
  readonly expiresAt: number;
  readonly title: string;
  readonly summary: string;
}

export function startConference(keys: UserKeys, plan: ConferencePlan): Promise<string> {
  return withConferenceContext(keys, (context) =>
    protocol.openConference(context, {
      caseId: plan.caseId,
      participantIds: plan.participantIds,
      expiresAt: plan.expiresAt,
      title: plan.title.trim(),
      summary: plan.summary.trim(),
    }),
  );
}

export interface Draft {
  readonly text: string;
  readonly replyTo: string | null;
  readonly mentionIds: readonly string[];
}

/** Seals and posts; if the key moved meanwhile (a removal, a rotation), reads it again and retries once. */
export function postToConference(keys: UserKeys, conferenceId: string, draft: Draft): Promise<string> {
  const body: protocol.ConferenceReply = {
    v: 1,
    kind: 'message',
    text: draft.text.trim(),
    replyTo: draft.replyTo,
    mentions: [...new Set(draft.mentionIds)],
  };
  const post = (context: CaseContext) =>
    withUnlocked(context, conferenceId, (unlocked) =>
      protocol.postConferenceMessage(context, unlocked, body, body.mentions),
    );
  return withConferenceContext(keys, async (context) => {
    try {
      return await post(context);
    } catch (error) {
      if (error instanceof ApiError && CONFLICTS.has(error.code)) return post(context);
      throw error;
    }
  });
}

export function addToConference(keys: UserKeys, conferenceId: string, userId: string): Promise<void> {
  return withConferenceContext(keys, (context) =>
    withUnlocked(context, conferenceId, async (unlocked) => {
      await protocol.addConferenceParticipant(context, unlocked, userId);
    }),
  );
}

/** The server ends their access; my browser then rotates the key so nothing new reaches them. */
export function removeFromConference(keys: UserKeys, conferenceId: string, userId: string): Promise<void> {
  return withConferenceContext(keys, async (context) => {
    await protocol.removeConferenceParticipant(context, conferenceId, userId);
    if (userId !== context.me.id) await withUnlocked(context, conferenceId, async () => undefined);
  });
}

/** One message as the search indexes it (the opening's title and summary count as one). */
export interface SearchableConferenceMessage {
  readonly conferenceId: string;
  readonly caseId: string;
  readonly messageId: string;
  readonly authorId: string;
  readonly text: string;
  readonly createdAt: number;
}

/**
 * Every verified message of every conference I take part in, decrypted, for the in-browser search
 * (issue 14). Leaves unread markers alone; a conference that cannot be opened (ended, removed) or
 * a message that fails its checks is skipped.
 */
export function conferenceMessagesForSearch(keys: UserKeys): Promise<SearchableConferenceMessage[]> {
  return withConferenceContext(keys, async (context) => {
    const { conferences } = await protocol.listConferences(context);
    const found: SearchableConferenceMessage[] = [];
    for (const conference of conferences) {
      let unlocked: protocol.UnlockedConference;
      try {
        unlocked = await protocol.unlockConference(context, conference.id);
      } catch {
        continue;
      }
      try {
        const reading = await protocol.readConferenceThread(context, unlocked, seqStore(), true);
        for (const entry of reading.entries) {
          if (!entry.ok) continue;
          const text =
            entry.body.kind === 'opening' ? `${entry.body.title}\n${entry.body.summary}` : entry.body.text;
          found.push({
            conferenceId: conference.id,
            caseId: conference.caseId,
            messageId: entry.id,
            authorId: entry.authorId,
            text,
            createdAt: entry.createdAt,
          });
        }
      } finally {
        protocol.closeConference(unlocked);
      }
    }
    return found;
  });
}
