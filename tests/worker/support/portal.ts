import { fromBase64Url, toBase64Url } from '../../../crypto/bytes.js';
import type { JsonValue } from '../../../crypto/canonical-json.js';
import { sealInboxSubmission } from '../../../crypto/sealed.js';
import { type OpenCase, openCase } from './case-files.js';
import { Browser } from './client.js';
import { addMember, type Member, setUpOrganization } from './scenario.js';

/** The portal's worker tests share these: a PHQ-9 answer set, a case with its counselor, links and a client's phone. */
export const PHQ9_ANSWERS = {
  completed_on: '2026-05-04',
  phq9_1: 1,
  phq9_2: 2,
  phq9_3: 1,
  phq9_4: 0,
  phq9_5: 1,
  phq9_6: 2,
  phq9_7: 0,
  phq9_8: 1,
  phq9_9: 1,
  phq9_total: 9,
};
export const PHQ9_OPERATIONAL = { completed_on: '2026-05-04', phq9_total: 9 };

export async function counselorWithCase() {
  const center = await setUpOrganization();
  const counselor = await addMember(center, ['counselor']);
  const file = await openCase(center, counselor);
  return { center, counselor, file };
}

export function createLink(file: OpenCase, who: Member, form = 'phq-9@1', extra: object = {}) {
  return who.browser.post(`/api/cases/${file.caseId}/portal/links`, { form, ...extra });
}

/** What the client's phone does: open the link, seal the answers to the inbox key it was given. */
export async function fillAsClient(
  token: string,
  answers: JsonValue = PHQ9_ANSWERS,
  operational = PHQ9_OPERATIONAL,
) {
  const client = new Browser();
  const opened = await client.post('/api/portal/open', { token });
  if (opened.status !== 200) return { opened, submitted: opened };
  const sealed = sealInboxSubmission(
    fromBase64Url(opened.body.inboxPk),
    opened.body.caseId,
    opened.body.submissionId,
    answers,
  );
  const submitted = await client.post('/api/portal/submit', {
    token,
    enc: toBase64Url(sealed.enc),
    ct: toBase64Url(sealed.ct),
    operational,
  });
  return { opened, submitted };
}

export async function sealedRequest(token: string, operational: object = PHQ9_OPERATIONAL) {
  const opened = await new Browser().post('/api/portal/open', { token });
  const sealed = sealInboxSubmission(
    fromBase64Url(opened.body.inboxPk),
    opened.body.caseId,
    opened.body.submissionId,
    PHQ9_ANSWERS,
  );
  return { token, enc: toBase64Url(sealed.enc), ct: toBase64Url(sealed.ct), operational };
}
