/**
 * A small LRU for SNS signing certificates: a handful of URLs in practice (one per region and key rotation), so
 * a bound of a few dozen never evicts a live one, while a stream of messages naming ever new certificate URLs
 * cannot grow memory. Entries expire so a rotated or revoked certificate is fetched again.
 */
export function createCertificateCache(options: { maxEntries: number; ttlMs: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { pem: string; expiresAt: number }>();

  return {
    async get(url: string, load: (url: string) => Promise<string>): Promise<string> {
      const hit = entries.get(url);
      entries.delete(url);
      if (hit && hit.expiresAt > now()) {
        entries.set(url, hit); // most recently used goes last
        return hit.pem;
      }
      const pem = await load(url);
      entries.set(url, { pem, expiresAt: now() + options.ttlMs });
      while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string);
      return pem;
    },
    size: () => entries.size,
    has: (url: string) => entries.has(url),
  };
}
