import { concatBytes, lp, utf8 } from './bytes.js';
import { sign, verify } from './ed25519.js';
import { decryptEnvelope, type Envelope, EnvelopeKind, encryptEnvelope } from './envelope.js';
import { fail } from './errors.js';
import { sha256 } from './hash.js';

/**
 * Knowledge-base articles (知识库, issue 14): every saved version is a kind 0x01 envelope under the
 * staff key of an epoch (staff-key.ts), signed by its author, with the article, version, epoch and
 * author bound in the context, so the server can neither move a version to another article or
 * position, nor pass one author's text off as another's.
 */

export interface ArticleVersionMeta {
  org: string;
  articleId: string;
  version: number;
  epoch: number;
  /** user id of the author of this version */
  author: string;
}

export function articleVersionContext(m: ArticleVersionMeta): string {
  if (!Number.isSafeInteger(m.version) || m.version < 1)
    fail('malformed', 'version must be a positive integer');
  if (!Number.isSafeInteger(m.epoch) || m.epoch < 0)
    fail('malformed', 'epoch must be a non-negative integer');
  return `tacit/1/kb-article|org=${m.org}|article=${m.articleId}|version=${m.version}|epoch=${m.epoch}|author=${m.author}`;
}

/** Ed25519(author, lp("tacit/1/kb-article-sig") || lp(context) || SHA-256(envelope)). */
export function articleSignatureMessage(context: string, envelope: Uint8Array): Uint8Array {
  return concatBytes(lp('tacit/1/kb-article-sig'), lp(utf8(context)), sha256(envelope));
}

export function sealArticleVersion(
  staffKey: Uint8Array,
  meta: ArticleVersionMeta,
  plaintext: Uint8Array,
  authorSeed: Uint8Array,
): { envelope: Envelope; sig: Uint8Array } {
  const context = articleVersionContext(meta);
  const envelope = encryptEnvelope(staffKey, EnvelopeKind.recordBody, context, plaintext);
  return { envelope, sig: sign(authorSeed, articleSignatureMessage(context, envelope)) };
}

/** The author's signature first (who wrote it, where), then the envelope (what was written). */
export async function openArticleVersion(
  staffKey: Uint8Array,
  meta: ArticleVersionMeta,
  sealed: { envelope: Uint8Array; sig: Uint8Array },
  authorPk: Uint8Array,
): Promise<Uint8Array> {
  const context = articleVersionContext(meta);
  if (!(await verify(authorPk, articleSignatureMessage(context, sealed.envelope), sealed.sig))) {
    fail('bad-signature', 'the article signature does not match its article, version, epoch or author');
  }
  return decryptEnvelope(staffKey, EnvelopeKind.recordBody, context, sealed.envelope);
}
