/**
 * PHP `rawurlencode`: everything but `A-Z a-z 0-9 - _ . ~` is percent-encoded
 * (encodeURIComponent also leaves `! ' ( ) *` alone, PHP does not).
 */
export function rawUrlEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A ledger URL split the way undici's dispatcher wants it. */
export interface LedgerTarget {
  readonly origin: string;
  readonly path: string;
}

/**
 * Resolves `relative` (starting with `/`) against the ledger base URL. The
 * base may carry a path prefix; a trailing `/` is dropped as Magento does.
 */
export function ledgerTarget(baseUrl: string, relative: string): LedgerTarget {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`ledger base URL is not an absolute URL: ${JSON.stringify(baseUrl)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`ledger base URL must be http(s): ${JSON.stringify(baseUrl)}`);
  }
  const prefix = url.pathname.replace(/\/+$/, '');
  return { origin: url.origin, path: `${prefix}${relative}` };
}

/** `/webhooks/magento/{tenant}/{event}[?provider=X]` (wire-contract §6.5, design §4). */
export function webhookTarget(baseUrl: string, tenantId: string, eventName: string, providerParam: string | null): LedgerTarget {
  const query = providerParam === null ? '' : `?provider=${rawUrlEncode(providerParam)}`;
  return ledgerTarget(baseUrl, `/webhooks/magento/${rawUrlEncode(tenantId)}/${rawUrlEncode(eventName)}${query}`);
}
