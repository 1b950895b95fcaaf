import { sageDirect } from './sage-direct.js';

export { sageDirect, type SageDirectMode } from './sage-direct.js';
export { SageDirectConnection } from './sage-direct-connection.js';
export { SageDocumentEngine, type SageDocumentEngineDeps } from './engine/delivery/sage-document-engine.js';
export { resolveSagePolicy, sagePolicySchema, type SagePolicy, type SagePolicyOptions, DEFAULT_PRODUCT_TYPE_EU_GOODS_MAP } from './engine/policy/sage-policy.js';
export type { PreviewCall, PreviewKind } from './engine/preview/preview-document.js';
export { directStatusCommand } from './commands/direct-status.js';
export { directDryRunCommand } from './commands/direct-dry-run.js';
export { resolveSageDirectOptions, type ResolvedSageDirectOptions, type SageDirectOptions } from './options/sage-direct-options.js';
export { SAGE_HOSTS, SAGE_REGIONS, type SageRegion } from './options/sage-hosts.js';
export { SageOAuthClient } from './oauth/sage-oauth-client.js';
export { SageApiClient, type SageApiAccess, type SageApiAuth, type SageApiClientOptions, type SageApiRequest, type SageApiResponse } from './api/sage-api-client.js';
export { SageApiError, type SageApiErrorKind } from './api/sage-api-error.js';
export { parseSageErrorItems, type SageErrorItem } from './api/sage-error-items.js';
export { listBusinesses } from './api/list-businesses.js';
export { SageHttp, type SageHttpAnswer, type SageHttpOptions, type SageHttpRequest } from './http/sage-http.js';
export { SageTransportError, type SageTransportFailure } from './http/sage-transport-error.js';

/** The factory, for hosts that load direct modes by package name (`{ resolve: '@byte8/sage-direct', options }`). */
export default sageDirect;
