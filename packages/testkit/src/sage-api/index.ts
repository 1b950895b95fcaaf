// A Sage Business Cloud Accounting v3.1 simulator: OAuth and API on one local server.
export { SageApiSimulator, type SageApiUrls } from './sage-api-simulator.js';
export {
  DEFAULT_RATE_LIMIT as SAGE_DEFAULT_RATE_LIMIT,
  SAGE_DEMO_CLIENT,
  type SageApiSimulatorOptions,
  type SageClientRegistration,
  type SageRateLimit,
} from './sage-api-options.js';
export { SAGE_PATHS } from './sage-router.js';
export { SAGE_SEED, type SeededBusiness, type SeededUser } from './seed/seeded-accounts.js';
export { SimBusiness, type BusinessCounts, type BusinessSeedIds, type SimBusinessProfile } from './store/sim-business.js';
export type { SageRecord, SageRef } from './store/sage-record.js';
export { SageFaultInjector, type SageFaultTarget, type SageThrottleOptions } from './faults/sage-fault-injector.js';
export type { SageApiStats } from './log/sage-api-stats.js';
export type { SageRequestRecord } from './log/sage-request-log.js';
export type { SageErrorItem } from './http/sage-error.js';
export { AUTHORIZATION_CODE_TTL_MS as SAGE_AUTHORIZATION_CODE_TTL_MS } from './oauth/authorization-codes.js';
export { ACCESS_TOKEN_TTL_SECONDS as SAGE_ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_SECONDS as SAGE_REFRESH_TOKEN_TTL_SECONDS } from './oauth/token-store.js';
export { s256Challenge } from './oauth/pkce.js';
export { DEFAULT_ITEMS_PER_PAGE as SAGE_DEFAULT_ITEMS_PER_PAGE, MAX_ITEMS_PER_PAGE as SAGE_MAX_ITEMS_PER_PAGE } from './api/list-page.js';
export { completeSageConsent, type ConsentOptions, type ConsentResult } from './consent-driver.js';
