import { BlockList, isIP } from 'node:net';

// The ranges proxy-addr (Fastify's trustProxy) means by these names.
const NAMED_RANGES: Record<string, [string, number][]> = {
  loopback: [
    ['127.0.0.0', 8],
    ['::1', 128],
  ],
  linklocal: [
    ['169.254.0.0', 16],
    ['fe80::', 10],
  ],
  uniquelocal: [
    ['10.0.0.0', 8],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
    ['fc00::', 7],
  ],
};

/**
 * Whether an address is one of TRUST_PROXY's, for code outside Fastify's request (the Socket.IO
 * handshake), so it believes X-Forwarded-* exactly where Fastify does.
 */
export function createProxyTrust(entries: string[]): (address: string | undefined) => boolean {
  const list = new BlockList();
  const add = (address: string, prefix: number | undefined) => {
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  };
  for (const entry of entries) {
    const named = NAMED_RANGES[entry];
    if (named) for (const [address, prefix] of named) add(address, prefix);
    else {
      const [address = '', prefix] = entry.split('/');
      add(address, prefix === undefined ? undefined : Number(prefix));
    }
  }
  return (address) => {
    if (!address) return false;
    // IPv4 clients of a dual-stack socket arrive as ::ffff:a.b.c.d.
    const plain = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
    const type = isIP(plain) === 6 ? 'ipv6' : isIP(plain) === 4 ? 'ipv4' : null;
    return type !== null && list.check(plain, type);
  };
}
