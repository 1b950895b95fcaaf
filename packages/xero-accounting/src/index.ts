export { xeroAccounting, XERO_PROVIDER_KEY } from './xero-accounting.js';
export { xeroLabels } from './labels.js';
// Hosts that load providers by key or package name (the Medusa plugin, the CLI) take the default export.
export { xeroAccounting as default } from './xero-accounting.js';
