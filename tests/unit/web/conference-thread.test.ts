import { describe, expect, it } from 'vitest';
import { threadsOf } from '../../../web/src/features/conferences/threads';
import type { ThreadEntry } from '../../../web/src/lib/conferences';
import { mentionsIn } from '../../../web/src/lib/protocol/conferences/message';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const meta = (seq: number) => ({ id: id(seq), seq, epoch: 1, authorId: id(99), createdAt: seq });
const message = (seq: number, replyTo: number | null): ThreadEntry => ({
  ...meta(seq),
  ok: true,
  body: {
    v: 1,
    kind: 'message',
    text: `m${seq}`,
    replyTo: replyTo === null ? null : id(replyTo),
    mentions: [],
  },
});
const failed = (seq: number): ThreadEntry => ({ ...meta(seq), ok: false, problem: 'signature' });
const shape = (entries: ThreadEntry[]) =>
  threadsOf(entries).map((node) => [node.entry.seq, node.replies.map((reply) => reply.seq)]);

describe('a conference thread on screen', () => {
  it('puts replies, and replies to replies, under the message that started them, in order', () => {
    expect(shape([message(1, null), message(2, 1), message(3, null), message(4, 2), message(5, 3)])).toEqual([
      [1, [2, 4]],
      [3, [5]],
    ]);
  });

  it('keeps a failed message in its place, and a reply to an unknown or later message at the top', () => {
    expect(shape([failed(1), message(2, 1), message(3, 7), message(4, 5), message(5, null)])).toEqual([
      [1, [2]],
      [3, []],
      [4, []],
      [5, []],
    ]);
  });
});

describe('mentions typed as @Name', () => {
  const people = [
    { id: id(1), displayName: '陈督导' },
    { id: id(2), displayName: '陈' },
    { id: id(3), displayName: 'Wang Fang' },
  ];

  it('finds the participants named after an @, whatever the script', () => {
    expect(mentionsIn('@陈督导 请看一下；also @Wang Fang', people).sort()).toEqual([id(1), id(3)].sort());
  });

  it('finds no one when no name follows an @', () => {
    expect(mentionsIn('陈督导 和 Wang Fang 都没有被提到', people)).toEqual([]);
  });
});
