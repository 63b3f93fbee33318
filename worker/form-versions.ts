import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { ServedFormVersion } from '../core/api/forms.js';
import { type FormDefinition, formDefinitionSchema } from '../core/forms/schema.js';
import { BUILT_IN_FORMS, builtInForm } from '../core/forms/templates/index.js';
import type { Db } from './db/client.js';
import { type FormVersionRow, formVersions } from './db/schema.js';

/** Reading form definitions: drafts and published versions in D1, and the forms Tacit ships. */

/** Stored definitions were validated on the way in; parsing again keeps the types honest. */
export function definitionOf(row: Pick<FormVersionRow, 'definition'>): FormDefinition {
  return formDefinitionSchema.parse(JSON.parse(row.definition));
}

/** A published row as browsers receive it, with its publisher's signature to check. */
export function servedVersionOf(row: FormVersionRow): ServedFormVersion {
  return {
    definition: definitionOf(row),
    source: row.source,
    signature:
      row.signature !== null && row.publishedBy !== null ? { by: row.publishedBy, sig: row.signature } : null,
  };
}

export const draftQuery = (db: Db, formId: string) =>
  db
    .select()
    .from(formVersions)
    .where(and(eq(formVersions.formId, formId), isNull(formVersions.publishedAt)))
    .limit(1);

export async function findDraft(db: Db, formId: string): Promise<FormVersionRow | undefined> {
  const [row] = await draftQuery(db, formId);
  return row;
}

export const latestStoredQuery = (db: Db, formId: string) =>
  db
    .select()
    .from(formVersions)
    .where(eq(formVersions.formId, formId))
    .orderBy(desc(formVersions.version))
    .limit(1);

export async function latestStoredVersion(db: Db, formId: string): Promise<FormVersionRow | undefined> {
  const [row] = await latestStoredQuery(db, formId);
  return row;
}

/** The published row of a form version, as a query for a read batch. */
export function publishedRowQuery(db: Db, formId: string, version: number) {
  return db
    .select()
    .from(formVersions)
    .where(
      and(
        eq(formVersions.formId, formId),
        eq(formVersions.version, version),
        isNotNull(formVersions.publishedAt),
      ),
    )
    .limit(1);
}

export async function findPublishedRow(
  db: Db,
  formId: string,
  version: number,
): Promise<FormVersionRow | undefined> {
  const [row] = await publishedRowQuery(db, formId, version);
  return row;
}

/** The published definition a record may name: stored here, or shipped with Tacit. */
export async function findPublishedForm(
  db: Db,
  formId: string,
  version: number,
): Promise<FormDefinition | undefined> {
  return publishedFormFrom(await findPublishedRow(db, formId, version), formId, version);
}

/** A stored published row wins; otherwise the version shipped with Tacit, if any. */
export function publishedFormFrom(
  row: FormVersionRow | undefined,
  formId: string,
  version: number,
): FormDefinition | undefined {
  return row ? definitionOf(row) : builtInForm(formId, version);
}

/**
 * The version a new draft of `formId` gets: one past everything stored and shipped, so a
 * center's own version of a template never collides with the template itself.
 */
export async function nextVersion(db: Db, formId: string): Promise<number> {
  return versionAfter(await latestStoredVersion(db, formId), formId);
}

/** nextVersion from the latest stored row, read in the caller's batch (latestStoredQuery). */
export function versionAfter(stored: Pick<FormVersionRow, 'version'> | undefined, formId: string): number {
  const shipped = BUILT_IN_FORMS.filter((form) => form.id === formId).map((form) => form.version);
  return Math.max(stored?.version ?? 0, ...shipped) + 1;
}
