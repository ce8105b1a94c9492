/**
 * Which client a request comes from, for the rate limit. The platform tells the handler the peer
 * address (`handle(request, { clientIp })`); `X-Forwarded-For` counts only when that peer is one
 * of the operator's own proxies (`TRUST_PROXY`), since clients can write it freely.
 */

import type { HeaderReader } from './exchange.js';
import type { TrustedProxies } from './trusted-proxies.js';

/** Per-request facts only the platform knows. */
export interface RequestContext {
  /** The TCP peer address (Node: `req.socket.remoteAddress`). */
  clientIp?: string;
}

/**
 * The rate-limit key of a request, or `undefined` when nothing is known (then nothing is limited).
 * When the peer is a trusted proxy, `X-Forwarded-For` is read from the right, past every trusted
 * proxy, to the first address that is not one: the client as the outermost trusted proxy saw it.
 * A peer that is not trusted is the client, whatever the header says.
 */
export function clientKey(
  request: { headers: HeaderReader },
  context: RequestContext,
  trusted: TrustedProxies,
): string | undefined {
  let ip = context.clientIp;
  if (ip !== undefined && trusted(ip)) {
    const hops = (request.headers.get('X-Forwarded-For') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    for (let i = hops.length - 1; i >= 0; i -= 1) {
      ip = hops[i];
      if (!trusted(ip as string)) break;
    }
  }
  return ip === undefined || ip === '' ? undefined : normalizeIp(ip);
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/;
const BRACKETS = /^\[|\](:\d+)?$/g;
const ZONE = /%.*$/;
const HEX_COLON = /^[0-9a-f:]+$/;

/**
 * One key per IPv4 address and per IPv6 /64 (one customer's network: otherwise a single host
 * could rotate through 2^64 addresses). IPv4-mapped IPv6 counts as IPv4.
 */
export function normalizeIp(raw: string): string {
  if (IPV4.test(raw)) return raw; // the common case, as Node reports IPv4 peers
  const ip = raw.replace(BRACKETS, '').replace(ZONE, '').toLowerCase();
  const mapped = MAPPED_IPV4.exec(ip);
  if (mapped) return mapped[1] as string;
  if (IPV4.test(ip)) return ip;
  if (!HEX_COLON.test(ip) || !ip.includes(':')) return ip.slice(0, 64);
  const [head = '', tail] = ip.split('::', 2);
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const fill = tail === undefined ? [] : Array<string>(Math.max(0, 8 - left.length - right.length));
  const groups = [...left, ...fill.fill('0'), ...right].slice(0, 4);
  return `${groups.map((g) => parseInt(g || '0', 16).toString(16)).join(':')}::/64`;
}
