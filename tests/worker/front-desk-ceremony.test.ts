import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../crypto/bytes.js';
import { isCryptoError } from '../../crypto/errors.js';
import { generateKeyPair, x25519PublicKey } from '../../crypto/hpke.js';
import {
  type CaseContext,
  closeFrontDeskKey,
  createCase,
  createClient,
  createFrontDeskGroup,
  frontDeskKeyOf,
  listClientCards,
  openFrontDeskKey,
  shareContactCard,
} from '../../web/src/lib/protocol/cases/index.js';
import { caseContextFor } from './support/protocol-client.js';
import { addMember, type Member, setUpOrganization } from './support/scenario.js';

/**
 * The front desk's compartment through the browser's own ceremonies (web/src/lib/protocol): the
 * admin makes the group key, counselors' cards reach the front desk, members bring newcomers in,
 * and a member's visit after someone leaves rotates the key so the leaver opens nothing new.
 */

const contextOf = (member: Member) => caseContextFor(member.browser, member.account);

/** Names on the front-desk list, as a member's Clients page shows them. */
async function namesSeenBy(context: CaseContext): Promise<string[] | null> {
  const key = await openFrontDeskKey(context);
  if (!key) return null;
  try {
    const cards = await listClientCards(context, key);
    return cards.map((entry) => String(entry.card?.name)).sort();
  } finally {
    closeFrontDeskKey(key);
  }
}

async function center() {
  const org = await setUpOrganization();
  const admin: Member = { account: org.admin, browser: org.adminBrowser };
  const first = await addMember(org, ['frontdesk']);
  const counselor = await addMember(org, ['counselor']);
  await createFrontDeskGroup(await contextOf(admin), '前台');
  return { org, admin, first, counselor };
}

describe('the front desk in the browser', () => {
  it('shows the front desk the names of clients a counselor creates, and only the front desk', async () => {
    const { org, first, counselor } = await center();
    const counselorContext = await contextOf(counselor);
    await createClient(counselorContext, { card: { name: '李华', phone: '13800000001' } });
    await createClient(counselorContext, { card: { name: '韩梅梅' } });

    expect(await namesSeenBy(await contextOf(first))).toEqual(['李华', '韩梅梅'].sort());
    const other = await addMember(org, ['counselor']);
    expect(await namesSeenBy(await contextOf(other))).toBeNull();
    expect(await listClientCards(await contextOf(other), null)).toEqual([]);
  });

  it('brings a newcomer in on a member’s visit; the newcomer then sees every card', async () => {
    const { org, first, counselor } = await center();
    await createClient(await contextOf(counselor), { card: { name: '王小明' } });
    const newcomer = await addMember(org, ['frontdesk']);
    expect(await namesSeenBy(await contextOf(newcomer))).toBeNull();
    expect(await namesSeenBy(await contextOf(first))).toEqual(['王小明']);
    expect(await namesSeenBy(await contextOf(newcomer))).toEqual(['王小明']);
  });

  it('lets the front desk create a client and hand the card to a counselor, who opens a case for it', async () => {
    const { first, counselor } = await center();
    const deskContext = await contextOf(first);
    const client = await createClient(deskContext, {
      card: { name: '赵雷', phone: '13900000002' },
      channel: 'phone',
    });
    const counselorContext = await contextOf(counselor);
    expect(await listClientCards(counselorContext, null)).toEqual([]);

    const key = await openFrontDeskKey(deskContext);
    await shareContactCard(deskContext, key, client.id, counselor.account.id);
    if (key) closeFrontDeskKey(key);
    const seen = await listClientCards(counselorContext, null);
    expect(seen.map((entry) => entry.card)).toEqual([{ name: '赵雷', phone: '13900000002' }]);
    const opened = await createCase(counselorContext, {
      clientId: client.id,
      serviceType: 'individual',
      channel: 'video',
    });
    expect(opened.clientId).toBe(client.id);
  });

  it('rotates after someone leaves: the leaver loses the list, the others keep it and see new cards', async () => {
    const { org, admin, first, counselor } = await center();
    const leaver = await addMember(org, ['frontdesk']);
    await createClient(await contextOf(counselor), { card: { name: '离开前' } });
    expect(await namesSeenBy(await contextOf(first))).toEqual(['离开前']);
    expect(await namesSeenBy(await contextOf(leaver))).toEqual(['离开前']);

    const before = await env.DB.prepare('SELECT x25519_pk AS pk FROM groups').first<{ pk: string }>();
    await admin.browser.patch(`/api/users/${leaver.account.id}`, { roles: ['counselor'] });
    expect(await namesSeenBy(await contextOf(first))).toEqual(['离开前']);
    const group = await env.DB.prepare('SELECT epoch FROM groups').first<{ epoch: number }>();
    expect(group?.epoch).toBe(1);

    // What was sealed to the old key (booking requests) still opens: the chain reaches epoch 0.
    const key = await openFrontDeskKey(await contextOf(first));
    const earlier = key ? frontDeskKeyOf(key, 0) : undefined;
    expect(earlier && toBase64Url(x25519PublicKey(earlier))).toBe(before?.pk);
    if (key) closeFrontDeskKey(key);

    await createClient(await contextOf(counselor), { card: { name: '离开后' } });
    expect(await namesSeenBy(await contextOf(first))).toEqual(['离开前', '离开后'].sort());
    expect(await namesSeenBy(await contextOf(leaver))).toBeNull();
  });

  it('refuses to wrap a new card to a front-desk key the server substituted', async () => {
    const { counselor } = await center();
    const substitute = toBase64Url(generateKeyPair().publicKey);
    await env.DB.prepare('UPDATE groups SET x25519_pk = ?').bind(substitute).run();
    const made = createClient(await contextOf(counselor), { card: { name: '不该泄露' } });
    await expect(made).rejects.toSatisfy((error) => isCryptoError(error) && error.code === 'bad-signature');
    const clients = await env.DB.prepare('SELECT count(*) AS n FROM clients').first<{ n: number }>();
    expect(clients?.n).toBe(0);
  });
});
