import type { DeliveryResponse } from '@byte8/core';

/**
 * How a delivery answer is treated (wire-contract §6.8, design §5):
 * - `success`: 2xx;
 * - `transient`: 408, 425, 429, 5xx, 1xx/3xx (redirects are not followed), network errors, timeouts;
 * - `rejected`: every other 4xx, a deterministic refusal that retrying cannot fix.
 *
 * The Magento client dead-letters 408/425/429; retrying them is the design's
 * improvement, since those statuses say "later", not "never".
 */
export type ResponseClass = 'success' | 'transient' | 'rejected';

const TRANSIENT_4XX = new Set([408, 425, 429]);

export function classifyResponse(response: DeliveryResponse): ResponseClass {
  if (response.kind === 'network-error') return 'transient';
  const code = response.statusCode;
  if (code >= 200 && code <= 299) return 'success';
  if (code >= 400 && code <= 499 && !TRANSIENT_4XX.has(code)) return 'rejected';
  return 'transient';
}
