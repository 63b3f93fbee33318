import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8 } from '../../crypto/bytes.js';
import { type CaseLogEntry, caseLogGenesis, nextCaseHead, verifyCaseLog } from '../../crypto/case-log.js';
import { verifyCert } from '../../crypto/cert.js';
import { signingPublicKey } from '../../crypto/ed25519.js';
import { decryptEnvelope, type EnvelopeKind, encryptEnvelopeWithNonce } from '../../crypto/envelope.js';
import {
  formDefinitionHash,
  formVersionContext,
  signFormVersion,
  verifyFormVersionSync,
} from '../../crypto/form-version.js';
import { unwrapKey, wrapKey } from '../../crypto/grant.js';
import { openBase, sealBase, x25519PublicKey } from '../../crypto/hpke.js';
import { derivePassphraseKeys } from '../../crypto/passphrase.js';
import { buildVectors } from '../../crypto/scripts/vectors.js';

const vectors = JSON.parse(readFileSync(new URL('../../crypto/vectors.json', import.meta.url), 'utf8'));

describe('crypto/vectors.json (PROTOCOL §9)', () => {
  it('is exactly what the generator script produces', async () => {
    expect(JSON.parse(JSON.stringify(await buildVectors()))).toEqual(vectors);
  });

  it('has at least 3 entries in every array the protocol names', () => {
    for (const name of ['envelope', 'hpke', 'grant', 'passphrase', 'cert', 'case_log', 'form_version']) {
      expect(vectors[name].length, name).toBeGreaterThanOrEqual(3);
    }
    expect(vectors.envelope.some((v: { plaintext: string }) => v.plaintext === '')).toBe(true);
    expect(vectors.hpke.some((v: { pt: string }) => v.pt === '')).toBe(true);
  });

  it('envelope: seals to the same bytes and opens to the plaintext', () => {
    for (const v of vectors.envelope) {
      const key = fromHex(v.key);
      const sealed = encryptEnvelopeWithNonce(
        key,
        v.kind as EnvelopeKind,
        v.context,
        fromHex(v.plaintext),
        fromHex(v.nonce),
      );
      expect(toHex(sealed)).toBe(v.envelope);
      expect(toHex(decryptEnvelope(key, v.kind as EnvelopeKind, v.context, fromHex(v.envelope)))).toBe(
        v.plaintext,
      );
    }
  });

  it('hpke: seals to the same enc and ct and opens', () => {
    for (const v of vectors.hpke) {
      expect(toHex(x25519PublicKey(fromHex(v.skR)))).toBe(v.pkR);
      const { enc, ct } = sealBase(
        fromHex(v.pkR),
        utf8(v.info),
        fromHex(v.aad),
        fromHex(v.pt),
        fromHex(v.ikmE),
      );
      expect([toHex(enc), toHex(ct)]).toEqual([v.enc, v.ct]);
      expect(
        toHex(openBase(fromHex(v.enc), fromHex(v.skR), utf8(v.info), fromHex(v.aad), fromHex(v.ct))),
      ).toBe(v.pt);
    }
  });

  it('grant: wraps to the same bytes, and the recipient unwraps the key', async () => {
    for (const v of vectors.grant) {
      const wrapped = wrapKey(
        v.info,
        fromHex(v.key),
        fromHex(v.recipient_pk),
        fromHex(v.granter_seed),
        fromHex(v.ikmE),
      );
      expect([toHex(wrapped.enc), toHex(wrapped.ct), toHex(wrapped.sig)]).toEqual([v.enc, v.ct, v.sig]);
      const granterPk = signingPublicKey(fromHex(v.granter_seed));
      const stored = { enc: fromHex(v.enc), ct: fromHex(v.ct), sig: fromHex(v.sig) };
      expect(toHex(await unwrapKey(v.info, stored, fromHex(v.recipient_sk), granterPk))).toBe(v.key);
    }
  });

  it('passphrase: Argon2id and HKDF give the same master, auth and kek', async () => {
    for (const v of vectors.passphrase) {
      const keys = await derivePassphraseKeys(v.passphrase, fromHex(v.salt), { m: v.m, t: v.t, p: v.p });
      expect([toHex(keys.master), toHex(keys.auth), toHex(keys.kek)]).toEqual([v.master, v.auth, v.kek]);
    }
  });

  it('cert: the signature verifies under the root and is deterministic', () => {
    for (const v of vectors.cert) {
      const fields = {
        userId: v.user_id,
        email: v.email,
        x25519Pk: fromHex(v.x25519_pk),
        ed25519Pk: fromHex(v.ed25519_pk),
        issuedAtMs: v.issued_at_ms,
      };
      expect(verifyCert(signingPublicKey(fromHex(v.root_seed)), fields, fromHex(v.sig))).toBe(true);
      expect(
        verifyCert(
          signingPublicKey(fromHex(v.root_seed)),
          { ...fields, issuedAtMs: v.issued_at_ms + 1 },
          fromHex(v.sig),
        ),
      ).toBe(false);
    }
  });

  it('case_log: heads chain from head_0 and every signature verifies', async () => {
    for (const v of vectors.case_log) {
      let head = caseLogGenesis(v.case_id);
      v.entries.forEach((entry: CaseLogEntry, i: number) => {
        head = nextCaseHead(head, entry);
        expect(toHex(head)).toBe(v.heads[i]);
      });
      const authorPk = signingPublicKey(fromHex(v.author_seed));
      const verified = await verifyCaseLog({
        caseId: v.case_id,
        entries: v.entries.map((entry: CaseLogEntry, i: number) => ({ entry, sig: fromHex(v.sigs[i]) })),
        certifiedSigningKey: () => authorPk,
      });
      expect(toHex(verified.head)).toBe(v.heads[v.heads.length - 1]);
    }
  });

  it('form_version: the context, definition hash and signature come out the same and verify', () => {
    for (const v of vectors.form_version) {
      const binding = { org: v.org, form: v.form, version: v.version, by: v.by };
      expect(formVersionContext(binding)).toBe(v.context);
      expect(toHex(formDefinitionHash(v.definition))).toBe(v.definition_hash);
      const seed = fromHex(v.signer_seed);
      expect(toHex(signFormVersion(seed, binding, v.definition))).toBe(v.sig);
      expect(verifyFormVersionSync(signingPublicKey(seed), binding, v.definition, fromHex(v.sig))).toBe(true);
      expect(
        verifyFormVersionSync(
          signingPublicKey(seed),
          { ...binding, version: v.version + 1 },
          v.definition,
          fromHex(v.sig),
        ),
      ).toBe(false);
    }
  });
});
