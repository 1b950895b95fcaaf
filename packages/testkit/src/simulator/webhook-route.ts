import { randomUUID } from 'node:crypto';
import { type Envelope, envelopeSchema, WIRE_PAYLOAD_SCHEMAS, wireEventNameSchema } from '@byte8/core';
import { parseJson, type RouteReply, refuse, reply } from './http-io.js';
import { authenticate, type RouteContext } from './route-context.js';
import { DEFAULT_PROVIDER } from './simulator-options.js';

export interface WebhookRequest {
  readonly tenantId: string;
  readonly event: string;
  /** `?provider=`; null routes to `sage_accounting`. */
  readonly provider: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** The ledger's answer when the tenant has no binding for the addressed provider (sage-and-providers a.1). */
export function noBindingError(provider: string): string {
  return `tenant has no active ${provider} binding`;
}

/**
 * `POST /webhooks/magento/{tenant}/{event}`: faults first, then the JWT, the
 * tenant's binding for `?provider=` (none: Sage, the legacy default), the
 * Idempotency-Key, the event name, the envelope and the event's payload; a
 * key already accepted answers 202 with the same sync_run_id.
 */
export function handleWebhook(ctx: RouteContext, request: WebhookRequest): RouteReply {
  const provider = request.provider ?? DEFAULT_PROVIDER;
  const key = request.headers['idempotency-key']?.trim() || null;
  let envelope: Envelope | null = null;
  const record = (status: number, fields: { syncRunId?: string; duplicate?: boolean; error?: string; fault?: string; newKey?: boolean }) =>
    ctx.log.delivery(
      {
        tenantId: request.tenantId,
        event: request.event,
        provider,
        idempotencyKey: key,
        envelope,
        status,
        syncRunId: fields.syncRunId ?? null,
        duplicate: fields.duplicate ?? false,
        error: fields.error ?? null,
        fault: fields.fault ?? null,
        receivedAt: new Date(ctx.nowSeconds() * 1000),
      },
      { newKey: fields.newKey ?? false },
    );

  const fault = ctx.faults.takeDeliveryFault(request.event);
  if (fault !== null) {
    record(fault.reply.kind === 'reply' ? fault.reply.status : 0, { fault: fault.label });
    return fault.reply;
  }
  const deny = (status: number, error: string): RouteReply => {
    record(status, { error });
    return refuse(status, error);
  };

  const auth = authenticate(ctx, request.headers, request.tenantId);
  if (!auth.ok) return deny(401, auth.reason);
  if (!auth.tenant.bindings.includes(provider)) return deny(400, noBindingError(provider));
  if (key === null) return deny(400, 'missing_idempotency_key');
  const event = wireEventNameSchema.safeParse(request.event);
  if (!event.success) return deny(400, 'unknown_event');
  const parsed = envelopeSchema.safeParse(parseJson(request.body));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return deny(400, `invalid_envelope: ${first ? `${first.path.join('.') || '(body)'} ${first.message}` : 'not a JSON object'}`);
  }
  envelope = parsed.data;
  const payload = WIRE_PAYLOAD_SCHEMAS[event.data].safeParse(envelope.payload);
  if (!payload.success) {
    const first = payload.error?.issues[0];
    return deny(400, `invalid_payload: ${first ? `${first.path.map(String).join('.') || '(payload)'} ${first.message}` : request.event}`);
  }

  const bookKey = `${request.tenantId}\u0000${provider}\u0000${key}`;
  const existing = ctx.syncRuns.get(bookKey);
  if (existing !== undefined) {
    record(202, { syncRunId: existing, duplicate: true });
    return reply(202, { sync_run_id: existing });
  }
  const syncRunId = randomUUID();
  ctx.syncRuns.set(bookKey, syncRunId);
  record(202, { syncRunId, newKey: true });
  ctx.processor.schedule({ syncRunId, tenant: auth.tenant, provider, event: event.data, entityId: envelope.magento_entity_id });
  return reply(202, { sync_run_id: syncRunId });
}
