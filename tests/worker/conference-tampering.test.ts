import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/lib/api-client.js';
import type { CaseContext } from '../../web/src/lib/protocol/cases/index.js';
import {
  type ConferenceSeqStore,
  closeConference,
  openConference,
  postConferenceMessage,
  readConferenceThread,
  removeConferenceParticipant,
  rotateConference,
  unlockConference,
} from '../../web/src/lib/protocol/conferences/index.js';
import { openCase } from './support/case-files.js';
import { caseContextFor } from './support/protocol-client.js';
import { addMember, setUpOrganization } from './support/scenario.js';

/**
 * The browser's conference code (web/src/lib/protocol/conferences) against the real Worker, then
 * against a server that edits its own database: every tampering is named, nothing forged is shown.
 */

const run = (sql: string, ...values: unknown[]) =>
  env.DB.prepare(sql)
    .bind(...values)
    .run();

function memorySeqs(): ConferenceSeqStore {
  const seen = new Map<string, number>();
  return { get: (id) => seen.get(id), set: (id, seq) => void seen.set(id, seq) };
}

const say = (text: string, replyTo: string | null = null, mentions: string[] = []) =>
  ({ v: 1, kind: 'message', text, replyTo, mentions }) as const;

async function read(context: CaseContext, conferenceId: string, seen = memorySeqs()) {
  const unlocked = await unlockConference(context, conferenceId);
  try {
    const reading = await readConferenceThread(context, unlocked, seen);
    return {
      warnings: reading.warnings,
      shown: reading.entries.map((entry) =>
        entry.ok ? (entry.body.kind === 'opening' ? entry.body.title : entry.body.text) : entry.problem,
      ),
    };
  } finally {
    closeConference(unlocked);
  }
}

async function post(
  context: CaseContext,
  conferenceId: string,
  body: Parameters<typeof postConferenceMessage>[2],
) {
  const unlocked = await unlockConference(context, conferenceId);
  try {
    return await postConferenceMessage(context, unlocked, body, body.kind === 'message' ? body.mentions : []);
  } finally {
    closeConference(unlocked);
  }
}

/** A counselor's conference with a colleague: the opening, a question mentioning them, a reply. */
async function conversation() {
  const center = await setUpOrganization();
  const counselorMember = await addMember(center, ['counselor']);
  const colleagueMember = await addMember(center, ['supervisor']);
  const counselor = await caseContextFor(counselorMember.browser, counselorMember.account);
  const colleague = await caseContextFor(colleagueMember.browser, colleagueMember.account);
  const file = await openCase(center, counselorMember);
  const conferenceId = await openConference(counselor, {
    caseId: file.caseId,
    participantIds: [colleague.me.id],
    expiresAt: 0,
    title: '家庭治疗方向',
    summary: '高二学生，近期与父母冲突增多。',
  });
  const question = await post(counselor, conferenceId, say('@督导 请看看', null, [colleague.me.id]));
  const reply = await post(colleague, conferenceId, say('建议邀请父母一起来', question));
  return { counselor, colleague, conferenceId, question, reply };
}

describe('a conference in the browser', () => {
  it('opens, carries replies and mentions, and reads back verified', async () => {
    const { counselor, colleague, conferenceId, question } = await conversation();
    expect(await read(counselor, conferenceId)).toEqual({
      warnings: [],
      shown: ['家庭治疗方向', '@督导 请看看', '建议邀请父母一起来'],
    });
    const unlocked = await unlockConference(colleague, conferenceId);
    const reading = await readConferenceThread(colleague, unlocked, memorySeqs());
    closeConference(unlocked);
    expect(reading.entries[1]).toMatchObject({ ok: true, body: { mentions: [colleague.me.id] } });
    expect(reading.entries[2]).toMatchObject({ ok: true, body: { replyTo: question } });
  });

  it('names a message whose author, envelope or signature the server changed, and shows none of it', async () => {
    const { counselor, colleague, conferenceId, question, reply } = await conversation();
    await run('UPDATE conference_messages SET author_id = ? WHERE id = ?', colleague.me.id, question);
    const swapped = await env.DB.prepare('SELECT envelope, sig FROM conference_messages WHERE id = ?')
      .bind(reply)
      .first<{ envelope: string; sig: string }>();
    await run(
      'UPDATE conference_messages SET envelope = ? WHERE seq = 1 AND conference_id = ?',
      swapped?.envelope,
      conferenceId,
    );
    expect((await read(counselor, conferenceId)).shown).toEqual([
      'signature',
      'signature',
      '建议邀请父母一起来',
    ]);
  });

  it('refuses an opening written by anyone but the creator', async () => {
    const { counselor, colleague, conferenceId } = await conversation();
    await post(colleague, conferenceId, { v: 1, kind: 'opening', title: '改个标题', summary: '' });
    expect((await read(counselor, conferenceId)).shown.at(-1)).toBe('malformed');
  });

  it('reports a withheld message and a rolled-back thread', async () => {
    const { counselor, conferenceId, question } = await conversation();
    const seen = memorySeqs();
    expect((await read(counselor, conferenceId, seen)).warnings).toEqual([]);
    await run('DELETE FROM conference_messages WHERE id = ?', question);
    expect((await read(counselor, conferenceId, seen)).warnings).toEqual(['gap']);
    // The gap closed by renumbering: the sequence looks whole, but ends before what I saw.
    await run('UPDATE conference_messages SET seq = 2 WHERE seq = 3 AND conference_id = ?', conferenceId);
    expect((await read(counselor, conferenceId, seen)).warnings).toEqual(['rollback']);
  });

  it('after a removal and rotation, the removed are refused and a broken chain link is named', async () => {
    const { counselor, colleague, conferenceId } = await conversation();
    await removeConferenceParticipant(counselor, conferenceId, colleague.me.id);
    const due = await unlockConference(counselor, conferenceId);
    expect(due.view.rotationDue).toBe(true);
    expect(await rotateConference(counselor, due)).toBe(2);
    closeConference(due);
    await post(counselor, conferenceId, say('轮换之后'));
    const refused = await unlockConference(colleague, conferenceId).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('participant_removed');
    expect((await read(counselor, conferenceId)).shown).toEqual([
      '家庭治疗方向',
      '@督导 请看看',
      '建议邀请父母一起来',
      '轮换之后',
    ]);

    const link = await env.DB.prepare('SELECT envelope FROM conference_key_chain WHERE conference_id = ?')
      .bind(conferenceId)
      .first<{ envelope: string }>();
    const flipped = `${link?.envelope.slice(0, -2)}${link?.envelope.endsWith('AA') ? 'AB' : 'AA'}`;
    await run('UPDATE conference_key_chain SET envelope = ? WHERE conference_id = ?', flipped, conferenceId);
    expect(await read(counselor, conferenceId)).toEqual({
      warnings: ['chain'],
      shown: ['no-key', 'no-key', 'no-key', '轮换之后'],
    });
  });
});
