import { describe, expect, it } from 'vitest';
import {
  type AuditCheckpoint,
  auditGenesisHead,
  signAuditCheckpoint,
  verifyAuditChain,
} from '../../crypto/audit-log.js';
import { fromBase64Url, fromHex, toBase64Url, toHex } from '../../crypto/bytes.js';
import { allEvents, hashedPart } from './support/audit-events.js';
import { tamper } from './support/factories.js';
import { addMember, login, type Organization, setUpOrganization } from './support/scenario.js';

async function busyCenter(): Promise<Organization> {
  const center = await setUpOrganization();
  await addMember(center, ['counselor']);
  await login(center.admin);
  return center;
}

describe('audit chain (PROTOCOL §8)', () => {
  it('recomputes from h_0 with crypto/audit-log.ts, page by page', async () => {
    const center = await busyCenter();

    const events = await allEvents(center.adminBrowser, 3);
    const head = (await center.adminBrowser.get('/api/audit/head')).body;

    expect(events.map((event) => event.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.map((event) => event.type)).toEqual([
      'org.created',
      'invitation.created',
      'invitation.accepted',
      'user.certified',
      'auth.login',
    ]);
    const replayed = verifyAuditChain(center.org.id, events.map(hashedPart), []);
    expect(toHex(replayed)).toBe(head.head);
    expect(head.n).toBe(events.length);
    for (let i = 1; i < events.length; i++) expect(events[i]?.prevHash).toBe(events[i - 1]?.hash);
  });

  it('keeps a checkpoint an admin signed, and it verifies against the replayed chain', async () => {
    const center = await busyCenter();
    const { n, head } = (await center.adminBrowser.get('/api/audit/head')).body;
    const sig = toBase64Url(signAuditCheckpoint(center.admin.keys.ed25519Seed, n, fromHex(head)));

    const res = await center.adminBrowser.post('/api/audit/checkpoints', { n, head, sig });

    expect(res.status).toBe(201);
    const { checkpoints } = (await center.adminBrowser.get('/api/audit/checkpoints')).body;
    expect(checkpoints).toEqual([
      { n, head, sig, adminUserId: center.admin.id, createdAt: expect.any(Number) },
    ]);
    const served: AuditCheckpoint[] = checkpoints.map(
      (checkpoint: { n: number; head: string; sig: string }) => ({
        n: checkpoint.n,
        head: fromHex(checkpoint.head),
        signature: fromBase64Url(checkpoint.sig),
        adminPk: center.admin.keys.ed25519Pk,
      }),
    );
    const events = await allEvents(center.adminBrowser, 3);
    expect(() => verifyAuditChain(center.org.id, events.map(hashedPart), served)).not.toThrow();
    expect(events.at(-1)?.type).toBe('audit.checkpoint_signed');
  });

  it('refuses a checkpoint with a bad signature or a head that is not its own', async () => {
    const center = await busyCenter();
    const { n, head } = (await center.adminBrowser.get('/api/audit/head')).body;
    const sig = toBase64Url(signAuditCheckpoint(center.admin.keys.ed25519Seed, n, fromHex(head)));
    const otherHead = '00'.repeat(32);

    const badSig = await center.adminBrowser.post('/api/audit/checkpoints', { n, head, sig: tamper(sig) });
    const badHead = await center.adminBrowser.post('/api/audit/checkpoints', {
      n,
      head: otherHead,
      sig: toBase64Url(signAuditCheckpoint(center.admin.keys.ed25519Seed, n, fromHex(otherHead))),
    });

    expect(badSig.status).toBe(400);
    expect(badSig.body.error.code).toBe('bad_checkpoint');
    expect(badHead.body.error.code).toBe('bad_checkpoint');
    expect((await center.adminBrowser.get('/api/audit/checkpoints')).body.checkpoints).toEqual([]);
  });

  it('appends concurrent events without a gap or a fork', async () => {
    const center = await setUpOrganization();
    const others = await Promise.all([1, 2, 3, 4, 5, 6].map(() => login(center.admin)));
    expect(others.every((res) => res.status === 200)).toBe(true);

    const events = await allEvents(center.adminBrowser, 3);

    expect(events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(() => verifyAuditChain(center.org.id, events.map(hashedPart), [])).not.toThrow();
  });

  it('starts the chain at h_0 = SHA-256("tacit/1/audit|" + org id)', async () => {
    const center = await setUpOrganization();
    const [first] = await allEvents(center.adminBrowser, 3);
    expect(first?.prevHash).toBe(toHex(auditGenesisHead(center.org.id)));
  });
});
