import { checkOperationalPart } from '../core/forms/index.js';
import type { Db } from './db/client.js';
import { ApiError } from './errors.js';
import { findPublishedForm } from './form-versions.js';

/**
 * The server validates a record's operational part against the published form version it names
 * (DESIGN §3): only that version's operational fields, valid values, required ones present. A
 * draft, an unknown form or an unknown version is refused: records keep the version they name.
 */
export async function assertOperationalMatchesForm(
  db: Db,
  ref: string,
  operational: Record<string, unknown>,
): Promise<void> {
  const at = ref.lastIndexOf('@');
  const form = await findPublishedForm(db, ref.slice(0, at), Number(ref.slice(at + 1)));
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
