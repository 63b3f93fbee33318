import { conferenceMessagesSchema, postConferenceMessageResponseSchema } from '../../../../../core/api/index';
import {
  canonicalJsonBytes,
  fromBase64Url,
  fromUtf8,
  isCryptoError,
  openConferenceMessage,
  sealConferenceMessage,
  toBase64Url,
} from '../../../../../crypto/index';
import type { CaseContext } from '../cases/context';
import type { UnlockedConference } from './keys';
import { type ConferenceMessageBody, conferenceMessageBodySchema } from './message';

/**
 * Reading and writing a conference thread (crypto/README.md "case conferences"). Every message is
 * checked against its author's certified key and its place (conference, epoch, id, author) before
 * it is opened; one that fails is kept as a failure, never shown, and the reader is told why.
 */

export type MessageProblem = 'signature' | 'altered' | 'uncertified' | 'no-key' | 'malformed';
/** Something wrong with the thread as a whole: a key-chain link, a gap in the order, fewer messages than before. */
export type ThreadWarning = 'chain' | 'gap' | 'rollback';

interface MessageMeta {
  id: string;
  seq: number;
  epoch: number;
  authorId: string;
  createdAt: number;
}

export type ThreadEntry =
  | (MessageMeta & { ok: true; body: ConferenceMessageBody })
  | (MessageMeta & { ok: false; problem: MessageProblem });

export interface ThreadReading {
  entries: ThreadEntry[];
  warnings: ThreadWarning[];
}

/** The highest message seq this browser has read per conference (public: the server knows it). */
export interface ConferenceSeqStore {
  get(conferenceId: string): number | undefined;
  set(conferenceId: string, seq: number): void;
}

export function localStorageConferenceSeqs(storage: Storage): ConferenceSeqStore {
  const key = (id: string) => `tacit.conferenceSeq.${id}`;
  return {
    get: (id) => {
      const stored = Number(storage.getItem(key(id)));
      return Number.isSafeInteger(stored) && stored > 0 ? stored : undefined;
    },
    set: (id, seq) => storage.setItem(key(id), String(seq)),
  };
}

async function openOne(
  context: CaseContext,
  unlocked: UnlockedConference,
  row: MessageMeta & { envelope: string; sig: string },
): Promise<ThreadEntry> {
  const meta: MessageMeta = {
    id: row.id,
    seq: row.seq,
    epoch: row.epoch,
    authorId: row.authorId,
    createdAt: row.createdAt,
  };
  const author = unlocked.people.get(row.authorId);
  if (!author) return { ...meta, ok: false, problem: 'uncertified' };
  const key = unlocked.keys.get(row.epoch);
  if (!key) return { ...meta, ok: false, problem: 'no-key' };
  try {
    const plain = await openConferenceMessage(
      key,
      {
        org: context.orgId,
        conferenceId: unlocked.view.id,
        messageId: row.id,
        epoch: row.epoch,
        author: row.authorId,
      },
      { envelope: fromBase64Url(row.envelope), sig: fromBase64Url(row.sig) },
      author.ed25519Pk,
    );
    const body = conferenceMessageBodySchema.safeParse(JSON.parse(fromUtf8(plain)));
    if (!body.success) return { ...meta, ok: false, problem: 'malformed' };
    // Only the creator's first message may set the title: anyone else's "opening" is refused.
    if (body.data.kind === 'opening' && (row.seq !== 1 || row.authorId !== unlocked.view.createdBy)) {
      return { ...meta, ok: false, problem: 'malformed' };
    }
    return { ...meta, ok: true, body: body.data };
  } catch (error) {
    if (isCryptoError(error) && error.code === 'bad-signature')
      return { ...meta, ok: false, problem: 'signature' };
    if (error instanceof SyntaxError) return { ...meta, ok: false, problem: 'malformed' };
    return { ...meta, ok: false, problem: 'altered' };
  }
}

/**
 * Every message, each verified and opened on its own. `peek` leaves my unread marker where it is
 * (for indexing in the browser's search); reading the thread on screen moves it.
 */
export async function readConferenceThread(
  context: CaseContext,
  unlocked: UnlockedConference,
  seen: ConferenceSeqStore,
  peek = false,
): Promise<ThreadReading> {
  const id = unlocked.view.id;
  const { messages } = await context.api.get(
    `/api/conferences/${id}/messages${peek ? '?peek=1' : ''}`,
    conferenceMessagesSchema,
  );
  const entries = await Promise.all(messages.map((row) => openOne(context, unlocked, row)));
  const warnings: ThreadWarning[] = [];
  if (unlocked.brokenChain || entries.some((entry) => !entry.ok && entry.problem === 'no-key')) {
    warnings.push('chain');
  }
  if (messages.some((row, index) => row.seq !== index + 1)) warnings.push('gap');
  const newest = messages.at(-1)?.seq ?? 0;
  const before = seen.get(id);
  if (before !== undefined && newest < before) warnings.push('rollback');
  else if (!warnings.includes('gap')) seen.set(id, newest);
  return { entries, warnings };
}

/** Seals `body` under the current epoch's key, signed by me; `mentions` become text-free notifications. */
export async function postConferenceMessage(
  context: CaseContext,
  unlocked: UnlockedConference,
  body: ConferenceMessageBody,
  mentions: readonly string[] = [],
): Promise<string> {
  const epoch = unlocked.view.epoch;
  const key = unlocked.keys.get(epoch);
  if (!key) throw new Error('the current conference key is not open');
  const id = crypto.randomUUID();
  const sealed = sealConferenceMessage(
    key,
    { org: context.orgId, conferenceId: unlocked.view.id, messageId: id, epoch, author: context.me.id },
    canonicalJsonBytes(conferenceMessageBodySchema.parse(body)),
    context.me.keys.ed25519Seed,
  );
  await context.api.send(
    'POST',
    `/api/conferences/${unlocked.view.id}/messages`,
    {
      id,
      epoch,
      envelope: toBase64Url(sealed.envelope),
      sig: toBase64Url(sealed.sig),
      mentions: [...new Set(mentions)],
    },
    postConferenceMessageResponseSchema,
  );
  return id;
}
