/**
 * Form definitions for the pages (issue 5): the catalog counselors write records with, the
 * version a record names, and the admin's drafts. Shipped forms are in the bundle; the center's
 * own are fetched once and kept in memory (they are configuration, not secrets).
 */

import {
  type FormDraftSaved,
  type FormPublished,
  type FormSummary,
  formDraftSavedSchema,
  formListSchema,
  formPublishedSchema,
  formVersionViewSchema,
  okResponseSchema,
  sessionViewSchema,
} from '../../../core/api/index';
import { type FormDefinition, type FormDefinitionInput, formRef } from '../../../core/forms/index';
import { BUILT_IN_FORMS, OFFERED_BY_DEFAULT } from '../../../core/forms/templates/index';
import { fromBase64Url, isCryptoError } from '../../../crypto/index';
import { ApiError, createApiClient } from './api-client';
import { toAppError } from './app-errors';
import { AppError } from './errors';
import {
  fetchTrustedCatalog,
  fetchTrustedForm,
  formTrustFor,
  localStorageRootPins,
  pinRoot,
  publishSignedDraft,
} from './protocol/index';
import type { UserKeys } from './vault';

const api = createApiClient();

/** Who may sign forms, as this browser sees it: the pinned org root and the directory. */
async function formTrust() {
  const view = await api.get('/api/auth/session', sessionViewSchema);
  const rootPk = fromBase64Url(view.org.rootPk);
  pinRoot(localStorageRootPins(localStorage), view.org.id, rootPk);
  return formTrustFor(api, view.org.id, rootPk);
}

/** One look-up of the trust per call, however many versions it checks. */
function onceFormTrust() {
  let trust: ReturnType<typeof formTrust> | undefined;
  return () => {
    trust ??= formTrust();
    return trust;
  };
}

/** A version that fails its signature check is refused as a whole, with its own sentence. */
async function checked<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isCryptoError(error) && error.code !== 'root-changed') {
      throw new AppError('form_untrusted', error.message);
    }
    throw toAppError(error);
  }
}

const known = new Map<string, FormDefinition>(BUILT_IN_FORMS.map((form) => [formRef(form), form]));

/** The definition a record names, if this browser has it (shipped, or loaded by `loadForms`). */
export function knownForm(ref: string): FormDefinition | undefined {
  return known.get(ref);
}

/** Fetches, and checks, the published versions among `refs` this browser does not have yet. */
export async function loadForms(refs: Iterable<string>): Promise<void> {
  const missing = [...new Set(refs)].filter((ref) => !known.has(ref));
  const trust = onceFormTrust();
  await checked(() =>
    Promise.all(
      missing.map(async (ref) => {
        try {
          const form = await fetchTrustedForm(api, trust, ref);
          if (form) known.set(ref, form);
        } catch (error) {
          // an unknown form still shows its values, field by field
          if (!(error instanceof ApiError && error.status === 404)) throw error;
        }
      }),
    ),
  );
}

/**
 * What a counselor may write with: the latest published version of each of the center's forms,
 * and the shipped forms offered by default unless the center has its own version of them.
 */
export async function formCatalog(): Promise<FormDefinition[]> {
  const forms = await checked(() => fetchTrustedCatalog(api, onceFormTrust()));
  for (const form of forms) known.set(formRef(form), form);
  const stored = new Set(forms.map((form) => form.id));
  const defaults = BUILT_IN_FORMS.filter(
    (form) => OFFERED_BY_DEFAULT.includes(form.id) && !stored.has(form.id),
  );
  return [...defaults, ...forms];
}

/** The catalog's version of a form, by id. */
export async function catalogForm(id: string): Promise<FormDefinition | undefined> {
  return (await formCatalog()).find((form) => form.id === id);
}

// ── for admins ───────────────────────────────────────────────────────────────

export async function listForms(): Promise<FormSummary[]> {
  return (await api.get('/api/forms', formListSchema)).forms;
}

/** The draft of `id`, or null when it has none. */
export async function fetchDraft(id: string): Promise<FormDefinition | null> {
  try {
    return (await api.get(`/api/forms/${encodeURIComponent(id)}/draft`, formVersionViewSchema)).definition;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'no_draft') return null;
    throw error;
  }
}

/** The version a new draft starts from: the latest published one (stored or shipped). */
export async function fetchLatestPublished(
  id: string,
  summary?: FormSummary,
): Promise<FormDefinition | undefined> {
  const latest = summary?.versions.at(-1)?.version;
  if (latest !== undefined) {
    const ref = `${id}@${latest}`;
    await loadForms([ref]);
    return knownForm(ref);
  }
  return BUILT_IN_FORMS.filter((form) => form.id === id).sort((a, b) => b.version - a.version)[0];
}

export function createForm(definition: FormDefinitionInput): Promise<FormDraftSaved> {
  return api.send('POST', '/api/forms', { definition }, formDraftSavedSchema);
}

export function saveDraft(definition: FormDefinitionInput): Promise<FormDraftSaved> {
  return api.send(
    'PUT',
    `/api/forms/${encodeURIComponent(definition.id)}/draft`,
    { definition },
    formDraftSavedSchema,
  );
}

/** Signs the draft on screen (as saved: `version`) with the admin's key and publishes it. */
export function publishDraft(
  keys: UserKeys,
  draft: FormDefinitionInput,
  version: number,
): Promise<FormPublished> {
  // the vault may lock during an await: the seed is copied now and wiped when done
  const signingSeed = keys.signingSeed.slice();
  return (async () => {
    try {
      const view = await api.get('/api/auth/session', sessionViewSchema);
      return await publishSignedDraft(
        api,
        { orgId: view.org.id, userId: view.user.id, signingSeed },
        draft,
        version,
      );
    } finally {
      signingSeed.fill(0);
    }
  })();
}

export async function discardDraft(id: string): Promise<void> {
  await api.send('DELETE', `/api/forms/${encodeURIComponent(id)}/draft`, {}, okResponseSchema);
}

export function installTemplate(id: string): Promise<FormPublished> {
  return api.send('POST', `/api/forms/templates/${encodeURIComponent(id)}/install`, {}, formPublishedSchema);
}
