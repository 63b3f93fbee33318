import { okResponseSchema, type PortalFormView, portalFormViewSchema } from '../../../../../core/api/index';
import {
  type FormDefinition,
  type FormValues,
  joinRecord,
  portalForm,
  splitRecord,
} from '../../../../../core/forms/index';
import {
  constantTimeEqual,
  fail,
  fromBase64Url,
  type JsonValue,
  sealInboxSubmission,
  toBase64Url,
} from '../../../../../crypto/index';
import type { ApiClient } from '../../api-client';

/**
 * The client's side of a portal link (PROTOCOL §7), without an account: open the link, fill the
 * form from this bundle (never a definition the server sends), seal the answers to the case inbox
 * key in this browser, send the sealed answers with the form's operational part.
 */

export interface PortalLink {
  token: string;
  /** the case inbox public key the counselor's browser put in the link, when it did */
  pinnedInboxPk: Uint8Array | null;
}

/** `/portal#token=…&key=…`: the fragment never reaches a server. */
export function parsePortalFragment(hash: string): PortalLink | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('token');
  if (!token) return null;
  const key = params.get('key');
  let pinnedInboxPk: Uint8Array | null = null;
  if (key) {
    try {
      pinnedInboxPk = fromBase64Url(key);
    } catch {
      return null;
    }
    if (pinnedInboxPk.length !== 32) return null;
  }
  return { token, pinnedInboxPk };
}

export interface OpenedPortalForm {
  view: PortalFormView;
  form: FormDefinition;
  inboxPk: Uint8Array;
}

export async function openPortalForm(api: ApiClient, link: PortalLink): Promise<OpenedPortalForm> {
  const view = await api.send('POST', '/api/portal/open', { token: link.token }, portalFormViewSchema);
  const form = portalForm(view.form) ?? fail('malformed', `this app does not know the form ${view.form}`);
  const inboxPk = fromBase64Url(view.inboxPk);
  // A server that hands out its own key instead of the case's would read the answers: the key the
  // counselor's browser verified and put in the link must be the one we seal to.
  if (link.pinnedInboxPk && !constantTimeEqual(link.pinnedInboxPk, inboxPk)) {
    fail('altered', 'the server offered a different key than the one in the link');
  }
  return { view, form, inboxPk };
}

/**
 * The sealed plaintext is everything the form stores — secret and operational fields, scores
 * computed — so the counselor's browser can check the operational part the server kept.
 */
export async function submitPortalForm(
  api: ApiClient,
  link: PortalLink,
  opened: OpenedPortalForm,
  values: FormValues,
): Promise<void> {
  const { secret, operational } = splitRecord(opened.form, values);
  const answers = joinRecord(secret, operational) as JsonValue;
  const sealed = sealInboxSubmission(opened.inboxPk, opened.view.caseId, opened.view.submissionId, answers);
  await api.send(
    'POST',
    '/api/portal/submit',
    { token: link.token, enc: toBase64Url(sealed.enc), ct: toBase64Url(sealed.ct), operational },
    okResponseSchema.passthrough(),
  );
}
