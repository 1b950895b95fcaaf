export { PROVIDER_CHECKS, type ProviderCheck } from './provider-checks.js';
export { moduleFactsCheck } from './module-facts-check.js';
export { type ProviderConformanceOptions, runProviderConformance } from './run-provider-conformance.js';
