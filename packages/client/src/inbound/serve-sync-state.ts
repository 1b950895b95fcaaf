import { type Clock, type SyncStateStore, syncStateCallbackSchema } from '@byte8/core';
import type { InboundResponse } from '../app/inbound-types.js';
import { parseLastSyncAt } from './parse-last-sync-at.js';
import { readJsonBody } from './read-json-body.js';
import { errorResponse, voidResponse } from './responses.js';

const FIELD_MESSAGES: Readonly<Record<string, string>> = {
  entity_type: 'entity_type must be one of: invoice, creditmemo, customer, product.',
  magento_entity_id: 'magento_entity_id must be a positive integer.',
  provider: 'provider is required (at most 32 characters).',
  sync_status: 'sync_status must be one of: synced, skipped, failed.',
  last_sync_at: 'last_sync_at must be ISO-8601 or YYYY-MM-DD HH:MM:SS (UTC).',
  message: 'message must be a string or null.',
};

/**
 * `POST /V1/byte8/sync-state` (wire-contract §7.9): validates the whole body
 * before writing anything, then overwrites the mirror row of
 * (entity_type, magento_entity_id, provider) - a terminal status included.
 * The body's `provider` must be the one whose tenant signed the token
 * (`tokenProvider`): each provider pairs with its own tenant and key here,
 * so one provider's tenant cannot set another provider's chips. (Magento,
 * with one shared credential set, records any name; see
 * docs/wire-compatibility.md.)
 * An optional `message` (this project's addition) is kept beside the codes,
 * cut at 500 characters.
 */
export async function serveSyncState(
  deps: { readonly syncState: SyncStateStore; readonly clock: Clock },
  rawBody: Uint8Array | string,
  tokenProvider: string,
): Promise<InboundResponse> {
  const body = readJsonBody(rawBody);
  if (!body.ok) return errorResponse(400, body.message);
  const params = { ...body.params };
  // Magento's int cast accepts a digit string for an int parameter.
  if (typeof params.magento_entity_id === 'string' && /^\d{1,15}$/.test(params.magento_entity_id)) {
    params.magento_entity_id = Number(params.magento_entity_id);
  }
  const parsed = syncStateCallbackSchema.safeParse(params);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    return errorResponse(400, FIELD_MESSAGES[field] ?? `${field} must be a string of at most 64 characters, or null.`);
  }
  const callback = parsed.data;
  if (callback.provider !== tokenProvider) {
    return errorResponse(403, 'provider %1 does not match the tenant that signed the request (a %2 tenant); nothing was written.', [callback.provider, tokenProvider]);
  }
  const lastSyncAt = parseLastSyncAt(callback.last_sync_at, deps.clock.now());
  if (!lastSyncAt) return errorResponse(400, FIELD_MESSAGES.last_sync_at!);
  await deps.syncState.upsertTerminal({
    entityType: callback.entity_type,
    entityId: callback.magento_entity_id,
    provider: callback.provider,
    status: callback.sync_status,
    providerEntityId: callback.provider_entity_id,
    providerReference: callback.provider_reference,
    skipReason: callback.skip_reason,
    errorCode: callback.error_code,
    message: callback.message,
    lastSyncAt,
  });
  return voidResponse();
}
