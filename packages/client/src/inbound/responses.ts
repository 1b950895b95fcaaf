import type { InboundResponse } from '../app/inbound-types.js';

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } as const;

/** A JSON answer. */
export function jsonResponse(status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): InboundResponse {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

/** Magento's error shape, `{"message", "parameters"}` (wire-contract §7.1). */
export function errorResponse(
  status: number,
  message: string,
  parameters: readonly unknown[] | Readonly<Record<string, unknown>> = [],
  headers: Readonly<Record<string, string>> = {},
): InboundResponse {
  return jsonResponse(status, { message, parameters }, headers);
}

/** A void service method: 200 with `[]` (wire-contract §7.1). */
export function voidResponse(): InboundResponse {
  return jsonResponse(200, []);
}

/** The generic answer to every authentication failure; the reason is only logged (§3.3.1 step 6). */
export function unauthorizedResponse(): InboundResponse {
  return errorResponse(401, "The consumer isn't authorized to access %resources.", { resources: 'Byte8_Client::byte8_webapi' });
}

/** Unexpected failures: a generic message and a report id to find the log line. */
export function internalErrorResponse(reportId: string): InboundResponse {
  return errorResponse(500, 'Internal Error. Details are available in the server log. Report ID: %1', [reportId]);
}
