import { checkOperationalPart } from '../core/forms/index.js';
import type { Db } from './db/client.js';
import type { FormVersionRow } from './db/schema.js';
import { ApiError } from './errors.js';
import { publishedFormFrom, publishedRowQuery } from './form-versions.js';

function splitRef(ref: string) {
  const at = ref.lastIndexOf('@');
  return { formId: ref.slice(0, at), version: Number(ref.slice(at + 1)) };
}

/** The stored published version `ref` names, as a query for a read batch. */
export function formRefQuery(db: Db, ref: string) {
  const { formId, version } = splitRef(ref);
  return publishedRowQuery(db, formId, version);
}

/**
 * The server validates a record's operational part against the published form version it names
 * (DESIGN §3): only that version's operational fields, valid values, required ones present. A
 * draft, an unknown form or an unknown version is refused: records keep the version they name.
 */
export function assertOperationalMatches(
  rows: readonly FormVersionRow[],
  ref: string,
  operational: Record<string, unknown>,
): void {
  const { formId, version } = splitRef(ref);
  const form = publishedFormFrom(rows[0], formId, version);
  if (!form) throw new ApiError(400, 'unknown_form', `no published form ${ref}`);
  const problems = checkOperationalPart(form, operational);
  if (problems.length > 0) {
    const list = problems.map((problem) => `${problem.field}: ${problem.code}`).join(', ');
    throw new ApiError(
      400,
      'operational_mismatch',
      `the operational fields do not match form ${ref} (${list})`,
    );
  }
}
