import { beforeAll, describe, expect } from 'vitest';
import { createCase, createClient } from '../../web/src/lib/protocol/cases/index.js';
import {
  closeConference,
  openConference,
  postConferenceMessage,
  readConferenceThread,
  unlockConference,
} from '../../web/src/lib/protocol/conferences/index.js';
import {
  articleHistory,
  closeStaffKey,
  downloadArticleAttachment,
  openStaffKey,
  saveArticle,
  uploadArticleAttachment,
} from '../../web/src/lib/protocol/knowledge/index.js';
import { Canaries, itFindsNoCanary, member, signInAdmin } from './center.js';

/**
 * Issue 4's privacy suite, issue 14's staff spaces: a case conference's title, summary and
 * messages, and the knowledge base's articles and attachments, written by one browser and read
 * back by another; none of their canaries may be among the bytes the server stored.
 */

describe('the database holds no plaintext of a case conference or the knowledge base', () => {
  const canaries = new Canaries();
  const secret = (field: string) => canaries.secret(field);

  beforeAll(async () => {
    const admin = await signInAdmin();
    const counselor = await member(admin, canaries, 'counselor@privacy-staff.example', ['counselor']);
    const supervisor = await member(admin, canaries, 'supervisor@privacy-staff.example', ['supervisor']);
    const client = await createClient(counselor, {
      channel: 'website',
      card: { name: secret('staff.contact-name') },
    });
    const caseId = (
      await createCase(counselor, { clientId: client.id, serviceType: 'individual', channel: 'in_person' })
    ).id;

    // A case conference (issue 14), through the browser's conference module: opened with a
    // sealed title and de-identified summary, a message mentioning the supervisor, then read
    // back by the supervisor's browser and verified.
    const conferenceId = await openConference(counselor, {
      caseId,
      participantIds: [supervisor.me.id],
      expiresAt: 0,
      title: secret('conference-title'),
      summary: secret('conference-summary'),
    });
    const writing = await unlockConference(counselor, conferenceId);
    await postConferenceMessage(
      counselor,
      writing,
      {
        v: 1,
        kind: 'message',
        text: secret('conference-message'),
        replyTo: null,
        mentions: [supervisor.me.id],
      },
      [supervisor.me.id],
    );
    closeConference(writing);
    const reading = await unlockConference(supervisor, conferenceId);
    const thread = await readConferenceThread(supervisor, reading, { get: () => undefined, set: () => {} });
    closeConference(reading);
    expect(thread.warnings).toEqual([]);
    expect(thread.entries.map((entry) => (entry.ok ? entry.body : entry.problem))).toEqual([
      {
        v: 1,
        kind: 'opening',
        title: canaries.get('conference-title'),
        summary: canaries.get('conference-summary'),
      },
      {
        v: 1,
        kind: 'message',
        text: canaries.get('conference-message'),
        replyTo: null,
        mentions: [supervisor.me.id],
      },
    ]);

    // The knowledge base (issue 14): an article's title, body and a second version under the
    // staff key, made by the counselor's browser, then read back by the supervisor's.
    const ring = await openStaffKey(counselor);
    if (!ring) throw new Error('the counselor could not make the staff key');
    const articleId = await saveArticle(counselor, ring, {
      categoryId: null,
      text: { title: secret('kb-title'), body: `# ${secret('kb-body')}` },
    });
    await saveArticle(counselor, ring, {
      categoryId: null,
      text: { title: canaries.get('kb-title') ?? '', body: secret('kb-body-v2') },
      previous: { id: articleId, version: 1 },
    });
    // An article's attachment: its bytes go to R2 in chunks under the staff key.
    const kbFile = new TextEncoder().encode(`${secret('kb-attachment')} `.repeat(3000));
    const kbUpload = await uploadArticleAttachment(counselor, ring, articleId, kbFile);
    closeStaffKey(ring);
    const readerRing = await openStaffKey(supervisor);
    if (!readerRing) throw new Error('the supervisor holds no staff key');
    const history = await articleHistory(supervisor, readerRing, articleId);
    const kbDownload = await downloadArticleAttachment(supervisor, readerRing, articleId, kbUpload.id);
    closeStaffKey(readerRing);
    expect(kbDownload).toEqual(kbFile);
    expect(history.versions.map((version) => version.body)).toEqual([
      `# ${canaries.get('kb-body')}`,
      canaries.get('kb-body-v2'),
    ]);
    expect(history.article.latest.title).toBe(canaries.get('kb-title'));
  });

  itFindsNoCanary(canaries, 12);
});
