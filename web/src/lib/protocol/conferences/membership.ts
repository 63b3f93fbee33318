import { conferenceParticipantViewSchema, conferenceViewSchema } from '../../../../../core/api/index';
import { z } from '../../../../../core/api/zod';
import { fail, generateConferenceKey, rotateConferenceKey, toBase64Url } from '../../../../../crypto/index';
import type { CaseContext, CertifiedPerson } from '../cases/context';
import { conferenceWrapFor, fetchCertifiedPeople, type UnlockedConference } from './keys';
import { postConferenceMessage } from './thread';

/**
 * Who takes part (issue 14): opening wraps a fresh key to each chosen clinician, adding wraps the
 * current key, removing rotates (epoch e+1 to the remaining, e's key under it). Every wrap carries
 * the conference's expiry, so a rotation can re-wrap to everyone without knowing others' wraps.
 */

const rotatedSchema = z.object({ epoch: z.int().positive() });

export interface NewConference {
  caseId: string;
  /** the others; I am added myself */
  participantIds: readonly string[];
  /** ms since epoch, 0 = until closed */
  expiresAt: number;
  title: string;
  /** de-identified: the UI says so; may be empty */
  summary: string;
}

const certified = (people: Map<string, CertifiedPerson>, userId: string) =>
  people.get(userId) ?? fail('uncertified', `user ${userId} has no certified keys`);

export async function openConference(context: CaseContext, plan: NewConference): Promise<string> {
  const people = await fetchCertifiedPeople(context);
  const id = crypto.randomUUID();
  const key = generateConferenceKey();
  const everyone = [context.me.id, ...plan.participantIds.filter((userId) => userId !== context.me.id)];
  const wraps = everyone.map((userId) =>
    conferenceWrapFor(context, id, 1, key, certified(people, userId), plan.expiresAt),
  );
  const view = await context.api.send(
    'POST',
    '/api/conferences',
    { id, caseId: plan.caseId, expiresAt: plan.expiresAt, wraps },
    conferenceViewSchema,
  );
  const unlocked: UnlockedConference = { view, people, keys: new Map([[1, key]]), brokenChain: false };
  try {
    await postConferenceMessage(context, unlocked, {
      v: 1,
      kind: 'opening',
      title: plan.title,
      summary: plan.summary,
    });
  } finally {
    key.fill(0);
  }
  return id;
}

/** After a removal: epoch e+1 wrapped to every remaining participant, e's key sealed under it. */
export async function rotateConference(context: CaseContext, unlocked: UnlockedConference): Promise<number> {
  const { view } = unlocked;
  const current =
    unlocked.keys.get(view.epoch) ?? fail('wrong-key', 'the current conference key is not open');
  const rotated = rotateConferenceKey(context.orgId, view.id, view.epoch, current);
  try {
    const wraps = view.participants.map((p) =>
      conferenceWrapFor(
        context,
        view.id,
        rotated.epoch,
        rotated.key,
        certified(unlocked.people, p.userId),
        view.expiresAt,
      ),
    );
    const { epoch } = await context.api.send(
      'POST',
      `/api/conferences/${view.id}/rotate`,
      { epoch: rotated.epoch, chain: toBase64Url(rotated.chain), wraps },
      rotatedSchema,
    );
    return epoch;
  } finally {
    rotated.key.fill(0);
  }
}

/** The current key to a certified colleague, for as long as the conference lasts. */
export function addConferenceParticipant(context: CaseContext, unlocked: UnlockedConference, userId: string) {
  const { view } = unlocked;
  const key = unlocked.keys.get(view.epoch) ?? fail('wrong-key', 'the current conference key is not open');
  const wrap = conferenceWrapFor(
    context,
    view.id,
    view.epoch,
    key,
    certified(unlocked.people, userId),
    view.expiresAt,
  );
  return context.api.send(
    'POST',
    `/api/conferences/${view.id}/participants`,
    { epoch: view.epoch, wrap },
    conferenceParticipantViewSchema,
  );
}

/** The server ends their access at once; the caller then rotates (see `rotateConference`). */
export async function removeConferenceParticipant(
  context: CaseContext,
  conferenceId: string,
  userId: string,
) {
  await context.api.send(
    'DELETE',
    `/api/conferences/${conferenceId}/participants/${userId}`,
    {},
    z.unknown(),
  );
}
