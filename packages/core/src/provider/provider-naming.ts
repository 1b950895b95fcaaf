/**
 * The naming conventions of provider packages, shared by `defineProvider()`
 * (defaults), the hosts that load providers by key, and the simulator.
 * Byte8's Magento modules name everything after `<name>_accounting`
 * (`byte8/xero_accounting/*` config paths, `/V1/byte8/xero_accounting/setup/pair`),
 * while the provider key itself may be the short name (`xero`).
 */

const SUFFIX = '_accounting';

/** `xero` and `xero_accounting` both give `xero_accounting`: the segment of the pairing route. */
export function pairingNamespace(key: string): string {
  return key.endsWith(SUFFIX) ? key : `${key}${SUFFIX}`;
}

/** The namespaced anonymous pairing route of a provider: `/V1/byte8/<name>_accounting/setup/pair`. */
export function defaultPairingPath(key: string): string {
  return `/V1/byte8/${pairingNamespace(key)}/setup/pair`;
}

/** The short name of a provider: `sage_accounting` gives `sage`, `acme_books` gives `acme-books`. */
export function providerShortName(key: string): string {
  return (key.endsWith(SUFFIX) ? key.slice(0, -SUFFIX.length) : key).replace(/_/g, '-');
}

/**
 * The npm package that holds a provider, by convention: `@byte8/<short name>-accounting`
 * (`sage_accounting` -> `@byte8/sage-accounting`, `xero` -> `@byte8/xero-accounting`).
 */
export function providerPackageName(key: string): string {
  return `@byte8/${providerShortName(key)}-accounting`;
}
