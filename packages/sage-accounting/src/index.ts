export { sageAccounting, SAGE_PROVIDER_KEY } from './sage-accounting.js';
export { sageLabels } from './labels.js';
export { invoiceSyncCommand } from './commands/invoice-sync.js';
// Hosts that load providers by package name (the Medusa plugin) take the default export.
export { sageAccounting as default } from './sage-accounting.js';
