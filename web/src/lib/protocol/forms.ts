import {
  type FormPublished,
  formPublishedSchema,
  formVersionViewSchema,
  publishedFormsSchema,
  type ServedFormVersion,
  type UserView,
  userListSchema,
} from '../../../../core/api/index';
import {
  type FormDefinition,
  type FormDefinitionInput,
  formDefinitionSchema,
  formRef,
} from '../../../../core/forms/index';
import { builtInForm } from '../../../../core/forms/templates/index';
import {
  fail,
  fromBase64Url,
  requireFormVersion,
  signFormVersion,
  toBase64Url,
} from '../../../../crypto/index';
import type { ApiClient } from '../api-client';
import { certifiedSigningKey } from './keys';

/**
 * Form definitions a browser may trust (crypto/form-version.ts). A definition decides which fields
 * are encrypted, so a version the server serves is used only if it is shipped in this bundle (then
 * the bundle's copy is used, whatever the server sent) or a certified admin signed exactly it.
 */

export interface FormTrust {
  orgId: string;
  /** the org root key this browser pinned */
  rootPk: Uint8Array;
  /** the people whose certificates and roles decide who may sign a form */
  directory: readonly UserView[];
}

export async function formTrustFor(api: ApiClient, orgId: string, rootPk: Uint8Array): Promise<FormTrust> {
  const { users } = await api.get('/api/users/directory', userListSchema);
  return { orgId, rootPk, directory: users };
}

/**
 * The definition to use for a served version. Fails `uncertified` when the signer is not a
 * certified admin, `bad-signature` when the version is unsigned or not what the admin signed.
 */
export async function trustedForm(trust: FormTrust, served: ServedFormVersion): Promise<FormDefinition> {
  const { definition, signature } = served;
  const shipped = builtInForm(definition.id, definition.version);
  if (shipped) return shipped;
  if (!signature) return fail('bad-signature', `form ${formRef(definition)} is not signed by an admin`);
  const signer = trust.directory.find((user) => user.id === signature.by);
  const signerPk = signer?.roles.includes('admin') ? certifiedSigningKey(trust.rootPk, signer) : undefined;
  if (!signerPk) {
    return fail(
      'uncertified',
      `form ${formRef(definition)} is signed by someone who is not a certified admin`,
    );
  }
  await requireFormVersion(
    signerPk,
    { org: trust.orgId, form: definition.id, version: definition.version, by: signature.by },
    definition,
    fromBase64Url(signature.sig),
  );
  return definition;
}

/** The published version `ref` names, checked; undefined when the server has no such version. */
export async function fetchTrustedForm(
  api: ApiClient,
  trust: () => Promise<FormTrust>,
  ref: string,
): Promise<FormDefinition | undefined> {
  const at = ref.lastIndexOf('@');
  const shipped = builtInForm(ref.slice(0, at), Number(ref.slice(at + 1)));
  if (shipped) return shipped;
  const view = await api.get(
    `/api/forms/${encodeURIComponent(ref.slice(0, at))}/versions/${ref.slice(at + 1)}`,
    formVersionViewSchema,
  );
  if (formRef(view.definition) !== ref) return fail('tampered', `asked for ${ref}, got another version`);
  return trustedForm(await trust(), view);
}

/** The latest published version of every stored form, each checked. */
export async function fetchTrustedCatalog(
  api: ApiClient,
  trust: () => Promise<FormTrust>,
): Promise<FormDefinition[]> {
  const { forms } = await api.get('/api/forms/published', publishedFormsSchema);
  const allShipped = forms.every((served) => builtInForm(served.definition.id, served.definition.version));
  // shipped forms need no directory look-up: trustedForm takes them from the bundle
  const checked = allShipped ? { orgId: '', rootPk: new Uint8Array(0), directory: [] } : await trust();
  return Promise.all(forms.map((served) => trustedForm(checked, served)));
}

/**
 * Publishing: the admin's browser signs the draft exactly as the server stores it (the parsed
 * definition with its version), and the server keeps the signature for every other browser.
 */
export function publishSignedDraft(
  api: ApiClient,
  signer: { orgId: string; userId: string; signingSeed: Uint8Array },
  draft: FormDefinitionInput,
  version: number,
): Promise<FormPublished> {
  const definition = formDefinitionSchema.parse({ ...draft, version });
  const sig = signFormVersion(
    signer.signingSeed,
    { org: signer.orgId, form: definition.id, version, by: signer.userId },
    definition,
  );
  return api.send(
    'POST',
    `/api/forms/${encodeURIComponent(definition.id)}/publish`,
    { version, sig: toBase64Url(sig) },
    formPublishedSchema,
  );
}
