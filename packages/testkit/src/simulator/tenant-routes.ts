import { createHash } from 'node:crypto';
import { ENTITY_TYPES, formatWireTimestamp } from '@byte8/core';
import { parseJson, type RouteReply, refuse, reply } from './http-io.js';
import { authenticate, type RouteContext } from './route-context.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `GET /v1/tile/health` (wire-contract §6.12), from the tenant's records unless overridden. */
export function handleHealth(ctx: RouteContext, headers: Readonly<Record<string, string>>): RouteReply {
  const injected = ctx.faults.healthStatus;
  if (injected !== null) return refuse(injected, 'injected');
  const auth = authenticate(ctx, headers, null);
  if (!auth.ok) return auth.reply;
  const { tenant } = auth;
  const nowMs = ctx.nowSeconds() * 1000;
  const runs = ctx.log.processed.filter((run) => run.tenantId === tenant.tenantId);
  const last = runs.at(-1);
  const settings = tenant.health;
  return reply(200, {
    tenant: { magento_connection_status: settings.magento_connection_status ?? 'active' },
    binding: { status: settings.binding_status ?? 'active', region: settings.region ?? 'uk' },
    sync: {
      last_run_at: settings.last_run_at !== undefined ? settings.last_run_at : last ? formatWireTimestamp(last.finishedAt) : null,
      pending_count: settings.pending_count ?? ctx.processor.pendingCount(tenant.tenantId),
      failed_24h: settings.failed_24h ?? runs.filter((run) => run.outcome === 'failed' && nowMs - run.finishedAt.getTime() < DAY_MS).length,
    },
  });
}

/** `GET /v1/status?entity_type=…&entity_id=…`: the latest terminal outcome for one entity. */
export function handleStatus(ctx: RouteContext, headers: Readonly<Record<string, string>>, query: URLSearchParams): RouteReply {
  const auth = authenticate(ctx, headers, null);
  if (!auth.ok) return auth.reply;
  const entityType = query.get('entity_type') ?? '';
  const entityId = Number(query.get('entity_id'));
  if (!(ENTITY_TYPES as readonly string[]).includes(entityType)) return refuse(400, 'invalid_entity_type');
  if (!Number.isInteger(entityId) || entityId <= 0) return refuse(400, 'invalid_entity_id');
  const run = ctx.log.processed.findLast(
    (r) => r.tenantId === auth.tenant.tenantId && r.entityType === entityType && r.entityId === entityId,
  );
  if (run === undefined) return refuse(404, 'not_found');
  return reply(200, {
    entity_type: run.entityType,
    entity_id: run.entityId,
    provider: run.provider,
    sync_run_id: run.syncRunId,
    sync_status: run.outcome,
    provider_entity_id: run.providerEntityId,
    skip_reason: run.skipReason,
    error_code: run.errorCode,
    last_sync_at: formatWireTimestamp(run.finishedAt),
  });
}

/**
 * `POST /v1/tenant/disconnect` (wire-contract §5.1): JWT, `Idempotency-Key:
 * disconnect:<sha1(tenant)>`, body `{}`. Marks the tenant disconnected; 204,
 * also when repeated.
 */
export function handleDisconnect(ctx: RouteContext, headers: Readonly<Record<string, string>>, body: string): RouteReply {
  const auth = authenticate(ctx, headers, null, { allowDisconnected: true });
  if (!auth.ok) return auth.reply;
  const expectedKey = `disconnect:${createHash('sha1').update(auth.tenant.tenantId, 'utf8').digest('hex')}`;
  if ((headers['idempotency-key'] ?? '').trim() !== expectedKey) return refuse(400, 'bad_idempotency_key');
  const parsed = parseJson(body);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || Object.keys(parsed).length > 0) {
    return refuse(400, 'body_must_be_empty_object');
  }
  auth.tenant.disconnected = true;
  return reply(204);
}
