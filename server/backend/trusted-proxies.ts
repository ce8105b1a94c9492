/**
 * `TRUST_PROXY`: the addresses and networks (CIDR) of the reverse proxies in front of the backend.
 * Only a request whose TCP peer is one of them may say, in `X-Forwarded-For`, who the client is;
 * anyone else could write that header freely.
 */

/** Says whether an address is one of the trusted proxies. */
export type TrustedProxies = (ip: string) => boolean;

/** No proxy is trusted: `X-Forwarded-For` is ignored. */
export const TRUST_NONE: TrustedProxies = () => false;

interface Network {
  bits: bigint;
  mask: bigint;
  v6: boolean;
}

/** Parses `10.0.0.0/8`, `127.0.0.1`, `::1`, `fd00::/8`; throws an `Error` naming a bad entry. */
export function parseTrustedProxies(entries: readonly string[]): TrustedProxies {
  if (entries.length === 0) return TRUST_NONE;
  const networks = entries.map(parseNetwork);
  return (ip) => {
    const address = toBits(ip);
    return (
      address !== null &&
      networks.some((n) => n.v6 === address.v6 && (address.bits & n.mask) === n.bits)
    );
  };
}

function parseNetwork(entry: string): Network {
  const [host = '', prefix] = entry.trim().split('/');
  const address = toBits(host);
  const width = address?.v6 ? 128 : 32;
  const length = prefix === undefined ? width : Number(prefix);
  if (!address || !/^\d*$/.test(prefix ?? '') || !(length >= 0 && length <= width)) {
    throw new Error(`TRUST_PROXY: "${entry}" is not an address or network like 10.0.0.0/8`);
  }
  const all = (1n << BigInt(width)) - 1n;
  const mask = all ^ ((1n << BigInt(width - length)) - 1n);
  return { bits: address.bits & mask, mask, v6: address.v6 };
}

/** An address as bits; IPv4-mapped IPv6 (`::ffff:1.2.3.4`) counts as IPv4. */
function toBits(raw: string): { bits: bigint; v6: boolean } | null {
  const ip = raw
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '')
    .toLowerCase();
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    if (parts.some((p) => p > 255)) return null;
    return { bits: parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n), v6: false };
  }
  if (!/^[0-9a-f:]+$/.test(ip) || !ip.includes(':') || ip.split('::').length > 2) return null;
  const [head = '', tail] = ip.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - left.length - right.length;
  if ((tail === undefined && missing !== 0) || missing < 0) return null;
  const groups = [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right];
  if (groups.some((g) => g.length === 0 || g.length > 4)) return null;
  return { bits: groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n), v6: true };
}
