/**
 * Where Tacit may send outbound webhooks: a public https address only. The Worker runs beside
 * the center's data, so an endpoint an admin names must not turn it into a way to reach
 * loopback, private networks or cloud metadata addresses (SSRF). A host name is checked by its
 * form here; the URL parser has already normalized IPv4 in any notation (0x7f.1, 2130706433) to
 * dotted decimal and IPv6 to its compressed form.
 */

export type WebhookUrlProblem =
  | 'not_a_url'
  | 'not_https'
  | 'credentials'
  | 'internal_host'
  | 'private_address';

const INTERNAL_SUFFIXES = ['.localhost', '.local', '.internal', '.localdomain', '.home.arpa', '.lan'];

/** IPv4 ranges that are not the public internet (RFC 6890 and friends), as [first octets, prefix]. */
const NON_PUBLIC_V4: readonly [number[], number][] = [
  [[0], 8],
  [[10], 8],
  [[100, 64], 10],
  [[127], 8],
  [[169, 254], 16],
  [[172, 16], 12],
  [[192, 0, 0], 24],
  [[192, 0, 2], 24],
  [[192, 168], 16],
  [[198, 18], 15],
  [[198, 51, 100], 24],
  [[203, 0, 113], 24],
  [[224], 4],
  [[240], 4],
];

function ipv4Number(host: string): number | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return null;
  const octets = parts.map(Number);
  if (octets.some((octet) => octet > 255)) return null;
  return octets.reduce((sum, octet) => sum * 256 + octet, 0);
}

function isPublicV4(address: number): boolean {
  return !NON_PUBLIC_V4.some(([octets, prefix]) => {
    const base = [...octets, 0, 0, 0, 0].slice(0, 4).reduce((sum, octet) => sum * 256 + octet, 0);
    const size = 2 ** (32 - prefix);
    return address >= base && address < base + size;
  });
}

/** Only global unicast (2000::/3) is public; an IPv4 address embedded in IPv6 is judged as IPv4. */
function isPublicV6(bracketed: string): boolean {
  const host = bracketed.slice(1, -1).toLowerCase();
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (mapped) {
    return isPublicV4(
      Number.parseInt(mapped[1] as string, 16) * 65536 + Number.parseInt(mapped[2] as string, 16),
    );
  }
  const first = host.startsWith('::') ? 0 : Number.parseInt(host.split(':')[0] as string, 16);
  return first >= 0x2000 && first <= 0x3fff && !host.startsWith('2001:db8:');
}

export function webhookUrlProblem(text: string): WebhookUrlProblem | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not_a_url';
  }
  if (url.protocol !== 'https:') return 'not_https';
  if (url.username !== '' || url.password !== '') return 'credentials';
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return isPublicV6(host) ? null : 'private_address';
  const v4 = ipv4Number(host);
  if (v4 !== null) return isPublicV4(v4) ? null : 'private_address';
  if (host === 'localhost' || !host.includes('.') || INTERNAL_SUFFIXES.some((end) => host.endsWith(end))) {
    return 'internal_host';
  }
  return null;
}

export const WEBHOOK_URL_MESSAGES: Record<WebhookUrlProblem, string> = {
  not_a_url: 'must be a URL',
  not_https: 'must be an https URL',
  credentials: 'must not carry a user name or password',
  internal_host: 'must name a public host, not localhost or an internal name',
  private_address: 'must not be a private, loopback, link-local or reserved IP address',
};
