import { idSchema } from '../../../../../core/api/encoding';
import { z } from '../../../../../core/api/zod';

/**
 * What a conference message says, as canonical JSON inside its envelope (crypto/conference.ts):
 * the server sees neither the text, nor whom it answers, nor the title. The opening message
 * (seq 1, by the conference's creator) carries the title and the optional de-identified summary.
 */

export const MAX_CONFERENCE_TEXT = 20_000;

export const conferenceOpeningSchema = z.object({
  v: z.literal(1),
  kind: z.literal('opening'),
  title: z.string().min(1).max(200),
  summary: z.string().max(MAX_CONFERENCE_TEXT),
});

export const conferenceReplySchema = z.object({
  v: z.literal(1),
  kind: z.literal('message'),
  text: z.string().min(1).max(MAX_CONFERENCE_TEXT),
  /** the message this one answers, in the same conference; null starts a new thread */
  replyTo: idSchema.nullable(),
  /** participants named in the text: signed with it, unlike the server's notification list */
  mentions: z.array(idSchema).max(50),
});

export const conferenceMessageBodySchema = z.discriminatedUnion('kind', [
  conferenceOpeningSchema,
  conferenceReplySchema,
]);
export type ConferenceMessageBody = z.infer<typeof conferenceMessageBodySchema>;
export type ConferenceOpening = z.infer<typeof conferenceOpeningSchema>;
export type ConferenceReply = z.infer<typeof conferenceReplySchema>;

/**
 * Participants named as "@Name" in the text. Longer names are matched first and taken out, so
 * "@陈督导" does not also mention someone called "陈".
 */
export function mentionsIn(
  text: string,
  participants: readonly { id: string; displayName: string }[],
): string[] {
  const found = new Set<string>();
  let rest = text;
  const byLength = [...participants].sort((a, b) => b.displayName.length - a.displayName.length);
  for (const person of byLength) {
    const mention = `@${person.displayName}`;
    if (!person.displayName || !rest.includes(mention)) continue;
    found.add(person.id);
    rest = rest.split(mention).join('\u0000');
  }
  return [...found];
}
