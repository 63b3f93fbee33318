import { toHex, utf8 } from '../bytes.js';
import { appendCaseLogEntry, type CaseLogEntry, caseLogGenesis } from '../case-log.js';
import { signCert } from '../cert.js';
import { signingPublicKey } from '../ed25519.js';
import { type EnvelopeKind, encryptEnvelopeWithNonce } from '../envelope.js';
import { formDefinitionHash, formVersionContext, signFormVersion } from '../form-version.js';
import { wrapKey } from '../grant.js';
import { hkdfSha256 } from '../hash.js';
import { deriveKeyPair, sealBase } from '../hpke.js';
import { derivePassphraseKeys } from '../passphrase.js';

/**
 * crypto/vectors.json as PROTOCOL §9 describes it, from fixed inputs: every "random" byte string
 * is HKDF-SHA256 of a label, so the file is reproducible byte for byte.
 */

function fixed(label: string, length: number): Uint8Array {
  return hkdfSha256(utf8('tacit test vectors'), new Uint8Array(0), `tacit/1/vector|${label}`, length);
}

function envelopeVectors() {
  const cases: [EnvelopeKind, string, Uint8Array][] = [
    [
      0x01,
      'tacit/1/record|org=00000000-0000-4000-8000-000000000001|case=00000000-0000-4000-8000-000000000002|record=00000000-0000-4000-8000-000000000003|rev=1|form=00000000-0000-4000-8000-000000000004@1|author=00000000-0000-4000-8000-000000000005',
      utf8('{"mood":"平静，愿意谈论家庭","notes":"来访者第一次咨询"}'),
    ],
    [
      0x01,
      'tacit/1/record|org=00000000-0000-4000-8000-000000000001|case=00000000-0000-4000-8000-000000000002|record=00000000-0000-4000-8000-000000000006|rev=2|form=00000000-0000-4000-8000-000000000004@3|author=00000000-0000-4000-8000-000000000005',
      new Uint8Array(0),
    ],
    [
      0x02,
      'tacit/1/user-keys|user=00000000-0000-4000-8000-000000000005|kdf=argon2id|m=19456|t=2|p=1',
      fixed('envelope/bundle', 64),
    ],
    [
      0x03,
      'tacit/1/key-chain|case=00000000-0000-4000-8000-000000000002|epoch=0',
      fixed('envelope/epoch-key', 32),
    ],
    [
      0x04,
      'tacit/1/attachment|org=00000000-0000-4000-8000-000000000001|case=00000000-0000-4000-8000-000000000002|attachment=00000000-0000-4000-8000-000000000007|chunk=0|final=1',
      fixed('envelope/chunk', 1000),
    ],
  ];
  return cases.map(([kind, context, plaintext], i) => {
    const key = fixed(`envelope/${i}/key`, 32);
    const nonce = fixed(`envelope/${i}/nonce`, 24);
    return {
      kind,
      key: toHex(key),
      nonce: toHex(nonce),
      context,
      plaintext: toHex(plaintext),
      envelope: toHex(encryptEnvelopeWithNonce(key, kind, context, plaintext, nonce)),
    };
  });
}

function hpkeVectors() {
  const cases: [string, Uint8Array, Uint8Array][] = [
    [
      'tacit/1/intake|org=00000000-0000-4000-8000-000000000001|request=00000000-0000-4000-8000-000000000010',
      new Uint8Array(0),
      utf8('{"name":"李华","phone":"13800000000"}'),
    ],
    [
      'tacit/1/inbox|case=00000000-0000-4000-8000-000000000002|submission=00000000-0000-4000-8000-000000000011',
      new Uint8Array(0),
      new Uint8Array(0),
    ],
    ['', utf8('aad'), fixed('hpke/2/pt', 200)],
  ];
  return cases.map(([info, aad, pt], i) => {
    const ikmE = fixed(`hpke/${i}/ikmE`, 32);
    const recipient = deriveKeyPair(fixed(`hpke/${i}/ikmR`, 32));
    const { enc, ct } = sealBase(recipient.publicKey, utf8(info), aad, pt, ikmE);
    return {
      ikmE: toHex(ikmE),
      skR: toHex(recipient.secretKey),
      pkR: toHex(recipient.publicKey),
      info,
      aad: toHex(aad),
      pt: toHex(pt),
      enc: toHex(enc),
      ct: toHex(ct),
    };
  });
}

function grantVectors() {
  const infos = [
    'tacit/1/grant|org=00000000-0000-4000-8000-000000000001|case=00000000-0000-4000-8000-000000000002|epoch=0|to=00000000-0000-4000-8000-000000000005|perm=write|expires=0|by=00000000-0000-4000-8000-000000000005',
    'tacit/1/grant|org=00000000-0000-4000-8000-000000000001|case=00000000-0000-4000-8000-000000000002|epoch=3|to=00000000-0000-4000-8000-000000000008|perm=read|expires=1767225600000|by=00000000-0000-4000-8000-000000000005',
    'tacit/1/group-grant|org=00000000-0000-4000-8000-000000000001|group=00000000-0000-4000-8000-000000000009|epoch=1|to=00000000-0000-4000-8000-000000000008|by=00000000-0000-4000-8000-000000000005',
  ];
  return infos.map((info, i) => {
    const ikmE = fixed(`grant/${i}/ikmE`, 32);
    const recipient = deriveKeyPair(fixed(`grant/${i}/recipient`, 32));
    const granterSeed = fixed(`grant/${i}/granter`, 32);
    const key = fixed(`grant/${i}/key`, 32);
    const { enc, ct, sig } = wrapKey(info, key, recipient.publicKey, granterSeed, ikmE);
    return {
      ikmE: toHex(ikmE),
      recipient_sk: toHex(recipient.secretKey),
      recipient_pk: toHex(recipient.publicKey),
      granter_seed: toHex(granterSeed),
      info,
      key: toHex(key),
      enc: toHex(enc),
      ct: toHex(ct),
      sig: toHex(sig),
    };
  });
}

async function passphraseVectors() {
  const cases: [string, number, number][] = [
    ['correct horse battery staple', 19456, 2],
    ['默契：一案一档一授权', 19456, 3],
    ['Ｃａｆé ﬁle ①', 24576, 2], // fullwidth letters, a ligature and a decomposable é: NFKC matters
  ];
  const out = [];
  for (const [i, [passphrase, m, t]] of cases.entries()) {
    const salt = fixed(`passphrase/${i}/salt`, 16);
    const keys = await derivePassphraseKeys(passphrase, salt, { m, t, p: 1 });
    out.push({
      passphrase,
      salt: toHex(salt),
      m,
      t,
      p: 1,
      master: toHex(keys.master),
      auth: toHex(keys.auth),
      kek: toHex(keys.kek),
    });
  }
  return out;
}

function certVectors() {
  const users: [string, string, number][] = [
    ['00000000-0000-4000-8000-000000000005', 'wang.fang@example.org', 1767225600000],
    ['00000000-0000-4000-8000-000000000008', '督导.li@example.cn', 1780000000123],
    ['00000000-0000-4000-8000-00000000000a', 'a@b.c', 0],
  ];
  return users.map(([userId, email, issuedAtMs], i) => {
    const rootSeed = fixed(`cert/${i}/root`, 32);
    const x25519Pk = deriveKeyPair(fixed(`cert/${i}/x25519`, 32)).publicKey;
    const ed25519Pk = signingPublicKey(fixed(`cert/${i}/ed25519`, 32));
    const sig = signCert(rootSeed, { userId, email, x25519Pk, ed25519Pk, issuedAtMs });
    return {
      root_seed: toHex(rootSeed),
      user_id: userId,
      email,
      x25519_pk: toHex(x25519Pk),
      ed25519_pk: toHex(ed25519Pk),
      issued_at_ms: issuedAtMs,
      sig: toHex(sig),
    };
  });
}

function caseLogVectors() {
  return [1, 2, 5].map((length, i) => {
    const caseId = `00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`;
    const authorSeed = fixed(`case_log/${i}/author`, 32);
    const author = '00000000-0000-4000-8000-000000000005';
    const entries: CaseLogEntry[] = [];
    const heads: string[] = [];
    const sigs: string[] = [];
    let head = caseLogGenesis(caseId);
    for (let seq = 1; seq <= length; seq++) {
      const rev = seq > 2 ? 2 : 1;
      const appended = appendCaseLogEntry({
        previousHead: head,
        seq,
        author,
        authorSeed,
        record: `00000000-0000-4000-8000-0000000002${String(seq % 3).padStart(2, '0')}`,
        rev,
        form: '00000000-0000-4000-8000-000000000004@1',
        envelope: fixed(`case_log/${i}/envelope/${seq}`, 120),
        operational: { duration_minutes: 50, service: 'individual', session_date: `2026-11-0${seq}` },
        time: 1767225600000 + seq * 3_600_000,
      });
      entries.push(appended.entry);
      heads.push(toHex(appended.head));
      sigs.push(toHex(appended.sig));
      head = appended.head;
    }
    return { case_id: caseId, author_seed: toHex(authorSeed), entries, heads, sigs };
  });
}

function formVersionVectors() {
  const org = '00000000-0000-4000-8000-000000000001';
  const definitions = [
    { id: 'mood-check', version: 1, title: { en: 'Mood check', 'zh-CN': '情绪自评' }, fields: [] },
    {
      id: 'wellbeing-check',
      version: 2,
      title: { en: 'Wellbeing', 'zh-CN': '状态' },
      fields: [
        { id: 'visit_date', type: 'date', sensitivity: 'operational', required: true },
        { id: 'mood', type: 'single', sensitivity: 'secret', options: [{ value: 'good' }, { value: 'low' }] },
      ],
    },
    {
      version: 12,
      id: 'a1',
      title: { 'zh-CN': 'é', en: 'e\u0301' },
      fields: [{ id: 'n', type: 'number', max: 1e21 }],
    },
  ];
  return definitions.map((definition, i) => {
    const signerSeed = fixed(`form_version/${i}/signer`, 32);
    const by = `00000000-0000-4000-8000-00000000000${i + 5}`;
    const binding = { org, form: definition.id, version: definition.version, by };
    return {
      signer_seed: toHex(signerSeed),
      org,
      form: definition.id,
      version: definition.version,
      by,
      context: formVersionContext(binding),
      definition,
      definition_hash: toHex(formDefinitionHash(definition)),
      sig: toHex(signFormVersion(signerSeed, binding, definition)),
    };
  });
}

export async function buildVectors() {
  return {
    protocol: 'tacit/1',
    notes:
      'Bytes are lowercase hex; contexts, infos, ids and passphrases are plain strings. case_log.heads[i] is head_(i+1), the head after entries[i]; head_0 = SHA-256("tacit/1/case|" || case_id). form_version.sig = Ed25519(signer_seed, lp(context) || definition_hash), definition_hash = SHA-256(RFC 8785 canonical JSON of definition, strings NFC).',
    envelope: envelopeVectors(),
    hpke: hpkeVectors(),
    grant: grantVectors(),
    passphrase: await passphraseVectors(),
    cert: certVectors(),
    case_log: caseLogVectors(),
    form_version: formVersionVectors(),
  };
}
