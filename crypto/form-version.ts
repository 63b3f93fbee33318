import { concatBytes, lp } from './bytes.js';
import { canonicalJsonBytes } from './canonical-json.js';
import { sign, verify, verifySync } from './ed25519.js';
import { fail } from './errors.js';
import { sha256 } from './hash.js';

/**
 * A published form version, signed by the admin who published it (our extension to PROTOCOL §4).
 * A form definition decides which fields a browser encrypts: a server that flipped a field from
 * secret to operational would make browsers send that value in plaintext. So a browser uses a
 * center-designed version only if a certified admin signed exactly that definition:
 *
 *   context = "tacit/1/form-version|org=…|form=<form id>|version=<n>|by=<user id>"
 *   sig     = Ed25519.sign(admin_sk, lp(context) || SHA-256(canonical JSON of the definition))
 *
 * Forms shipped in the app bundle need no signature: they never come from the server.
 */

export interface FormVersionBinding {
  org: string;
  /** the form id */
  form: string;
  version: number;
  /** the user who published (and signed) this version */
  by: string;
}

const SEPARATORS = /[|=]/;

export function formVersionContext(binding: FormVersionBinding): string {
  const { org, form, version, by } = binding;
  if (!Number.isSafeInteger(version) || version < 1) fail('malformed', 'version must be a positive integer');
  for (const value of [org, form, by]) {
    if (value === '' || SEPARATORS.test(value))
      fail('malformed', 'ids in a context are non-empty, without | or =');
  }
  return `tacit/1/form-version|org=${org}|form=${form}|version=${version}|by=${by}`;
}

/** SHA-256 of the RFC 8785 canonical JSON of a definition: what the signature covers. */
export function formDefinitionHash(definition: unknown): Uint8Array {
  return sha256(canonicalJsonBytes(definition));
}

export function formVersionMessage(binding: FormVersionBinding, definition: unknown): Uint8Array {
  return concatBytes(lp(formVersionContext(binding)), formDefinitionHash(definition));
}

export function signFormVersion(
  signerSeed: Uint8Array,
  binding: FormVersionBinding,
  definition: unknown,
): Uint8Array {
  return sign(signerSeed, formVersionMessage(binding, definition));
}

/** Synchronous, for the server checking a publish request. */
export function verifyFormVersionSync(
  signerPk: Uint8Array,
  binding: FormVersionBinding,
  definition: unknown,
  sig: Uint8Array,
): boolean {
  return verifySync(signerPk, formVersionMessage(binding, definition), sig);
}

/** An altered definition, a moved signature or another signer is 'bad-signature'. */
export async function requireFormVersion(
  signerPk: Uint8Array,
  binding: FormVersionBinding,
  definition: unknown,
  sig: Uint8Array,
): Promise<void> {
  if (!(await verify(signerPk, formVersionMessage(binding, definition), sig))) {
    fail('bad-signature', 'the form version is not signed by this admin as served');
  }
}
