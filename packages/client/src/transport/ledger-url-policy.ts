/** The real ledger's host and its subdomains: the default allow-list. */
export const DEFAULT_ALLOWED_LEDGER_HOSTS: readonly string[] = ['ledger.byte8.io', '*.ledger.byte8.io'];

export interface LedgerUrlPolicyOptions {
  /**
   * Hosts a ledger base URL may name: `ledger.example.com` exactly, or
   * `*.example.com` for its subdomains; `*` allows any host (development
   * only). Default: the real ledger's host and its subdomains.
   */
  readonly allowedHosts?: readonly string[];
  /** Base URLs the host configured itself (e.g. `ledger.defaultBaseUrl`): their origin is trusted as given. */
  readonly trustedBaseUrls?: readonly string[];
  /** Production: `https:` only, and `*` is refused. */
  readonly production?: boolean;
}

export type LedgerUrlVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Where the connector may send a master-key-signed request, and why not elsewhere. */
export interface LedgerUrlPolicy {
  check(baseUrl: string): LedgerUrlVerdict;
}

/** Thrown where a stored ledger URL is used and the policy refuses it. */
export class LedgerUrlRefusedError extends Error {
  constructor(readonly baseUrl: string, readonly reason: string) {
    super(`ledger base URL refused: ${reason}`);
    this.name = 'LedgerUrlRefusedError';
  }
}

const HOST_PATTERN = /^(\*|(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])$/;

function hostMatches(host: string, pattern: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1;
  return host === pattern;
}

/**
 * The ledger base URL arrives in the anonymous pairing call, and every later
 * delivery, health and status call goes there signed with the tenant's key.
 * Without a policy, whoever holds a pairing code could point the store's
 * worker and admin at any address it can reach (its loopback, the cloud
 * metadata service). So: no userinfo (`https://ledger.byte8.io@10.0.0.1/`
 * is 10.0.0.1), no query or fragment, `https:` in production, and a host on
 * the allow-list or the origin of a base URL the host configured itself.
 *
 * @example
 * const policy = ledgerUrlPolicy({ production: true });
 * policy.check('https://ledger.byte8.io'); // { ok: true }
 * policy.check('http://ledger.byte8.io@127.0.0.1:8080/'); // { ok: false, reason: '...' }
 */
export function ledgerUrlPolicy(options: LedgerUrlPolicyOptions = {}): LedgerUrlPolicy {
  const production = options.production ?? false;
  const allowed = (options.allowedHosts ?? DEFAULT_ALLOWED_LEDGER_HOSTS).map((h) => String(h).trim().toLowerCase());
  for (const pattern of allowed) {
    if (!HOST_PATTERN.test(pattern)) throw new Error(`ledger.allowedHosts: "${pattern}" is not a host name, *.domain or *`);
    if (pattern === '*' && production) throw new Error('ledger.allowedHosts: "*" (any host) is refused in production; list the ledger hosts');
  }
  const trustedOrigins = new Set<string>();
  for (const url of options.trustedBaseUrls ?? []) {
    try {
      trustedOrigins.add(new URL(url).origin);
    } catch {
      throw new Error(`ledger.defaultBaseUrl: not an absolute URL: ${JSON.stringify(url)}`);
    }
  }

  return {
    check(baseUrl) {
      let url: URL;
      try {
        url = new URL(baseUrl);
      } catch {
        return { ok: false, reason: 'not an absolute URL' };
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'the scheme must be https (or http in development)' };
      if (production && url.protocol !== 'https:') return { ok: false, reason: 'https is required in production' };
      if (url.username !== '' || url.password !== '') return { ok: false, reason: 'user info (user@ or user:password@) is not allowed' };
      if (url.search !== '' || url.hash !== '') return { ok: false, reason: 'a query string or fragment is not allowed' };
      if (trustedOrigins.has(url.origin)) return { ok: true };
      const host = url.hostname.toLowerCase();
      if (allowed.some((pattern) => hostMatches(host, pattern))) return { ok: true };
      return { ok: false, reason: `host ${host} is not an allowed ledger host (ledger.allowedHosts: ${allowed.join(', ') || 'none'})` };
    },
  };
}

/** `check` that throws, for the places that use a stored URL. */
export function assertLedgerUrl(policy: LedgerUrlPolicy, baseUrl: string): void {
  const verdict = policy.check(baseUrl);
  if (!verdict.ok) throw new LedgerUrlRefusedError(baseUrl, verdict.reason);
}
