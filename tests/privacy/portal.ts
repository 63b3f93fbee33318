import type { FormValues } from '../../core/forms/index.js';
import { nodeApiClient } from '../../scripts/demo/node-api.js';
import { type CaseContext, closeCase, openCase } from '../../web/src/lib/protocol/cases/index.js';
import {
  createPortalLink,
  fetchCasePortal,
  fileSubmission,
  openPortalForm,
  openSubmission,
  parsePortalFragment,
  submitPortalForm,
} from '../../web/src/lib/protocol/portal/index.js';

/**
 * The portal as the privacy suite drives it: the counselor's browser makes a link, a client
 * without an account fills it (sealed to the case inbox key), the counselor opens and files it.
 */
export async function fillThroughPortal(
  counselor: CaseContext,
  baseURL: string,
  caseId: string,
  form: string,
  values: FormValues,
): Promise<FormValues> {
  const opened = await openCase(counselor, caseId);
  const made = await createPortalLink(counselor, opened, form, 24, baseURL);
  closeCase(opened);
  const link = parsePortalFragment(new URL(made.url).hash);
  if (!link) throw new Error('the link has no token');
  const client = nodeApiClient(baseURL);
  await submitPortalForm(client, link, await openPortalForm(client, link), values);

  const reopened = await openCase(counselor, caseId);
  try {
    const waiting = (await fetchCasePortal(counselor, caseId)).submissions.filter(
      (submission) => submission.filedAt === null,
    );
    const submission = openSubmission(reopened, waiting[0] ?? (undefined as never));
    if (submission.check !== 'ok') throw new Error(`the submission checks as ${submission.check}`);
    await fileSubmission(counselor, reopened, submission);
    return submission.values;
  } finally {
    closeCase(reopened);
  }
}
