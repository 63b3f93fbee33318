/** Tacit protocol v1 (../shared/PROTOCOL.md). See crypto/README.md for the map of sections. */
export * from './attachment.js';
export * from './audit-log.js';
export { fromBase32, groupCode, toBase32 } from './base32.js';
export * from './bytes.js';
export * from './canonical-json.js';
export * from './case-file.js';
export * from './case-log.js';
export * from './cert.js';
export * from './conference.js';
export * from './contact-card.js';
export { sign as signEd25519, signingPublicKey, verify as verifyEd25519 } from './ed25519.js';
export * from './envelope.js';
export * from './errors.js';
export * from './form-version.js';
export * from './grant.js';
export * from './group-key.js';
export { hkdfSha256, sha256 } from './hash.js';
export {
  generateKeyPair as generateX25519KeyPair,
  type HpkeSealed,
  openBase,
  sealBase,
  x25519PublicKey,
} from './hpke.js';
export * from './key-chain.js';
export * from './knowledge.js';
export * from './passphrase.js';
export * from './record.js';
export * from './recovery-code.js';
export * from './recovery-shares.js';
export * from './sealed.js';
export * from './staff-key.js';
export * from './user-keys.js';
