export { freeAgentAccounting, FREEAGENT_PROVIDER_KEY } from './freeagent-accounting.js';
export { freeAgentLabels } from './labels.js';
// Hosts that load providers by key or package name (the Medusa plugin, the CLI) take the default export.
export { freeAgentAccounting as default } from './freeagent-accounting.js';
