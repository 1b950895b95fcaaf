import { verifyOutboundToken } from '../crypto/verify-outbound-token.js';
import type { EventProcessor } from './event-processor.js';
import type { FaultInjector } from './fault-injector.js';
import { bearerToken, type RouteReply, refuse } from './http-io.js';
import type { RequestLog } from './request-log.js';
import type { SimTenant, TenantRegistry } from './tenant-registry.js';

/** What every ledger route needs. */
export interface RouteContext {
  readonly tenants: TenantRegistry;
  readonly log: RequestLog;
  readonly faults: FaultInjector;
  readonly processor: EventProcessor;
  /** (tenant, provider, Idempotency-Key) → sync_run_id of the first acceptance. */
  readonly syncRuns: Map<string, string>;
  /** Unix seconds. */
  readonly nowSeconds: () => number;
  readonly outboundMaxTtlSeconds: number;
}

export type AuthResult = { readonly ok: true; readonly tenant: SimTenant } | { readonly ok: false; readonly reason: string; readonly reply: RouteReply };

/**
 * Checks the host's bearer token (wire-contract §3.2) and records its jti.
 * `expectedTenant` is the tenant of the URL, or null to take it from `sub`.
 */
export function authenticate(
  ctx: RouteContext,
  headers: Readonly<Record<string, string>>,
  expectedTenant: string | null,
  options: { readonly allowDisconnected?: boolean } = {},
): AuthResult {
  const deny = (reason: string): AuthResult => ({ ok: false, reason, reply: refuse(401, reason) });
  const injected = ctx.faults.jwtRejection;
  if (injected !== null) return deny(injected);
  const now = ctx.nowSeconds();
  const result = verifyOutboundToken(bearerToken(headers), {
    expectedTenant,
    keyFor: (tenantId) => ctx.tenants.get(tenantId)?.outboundKey ?? null,
    now,
    seen: (jti) => ctx.tenants.seen(jti, now),
    maxTtlSeconds: ctx.outboundMaxTtlSeconds,
  });
  if (!result.ok) return deny(result.reason);
  const tenant = ctx.tenants.get(result.claims.sub) as SimTenant;
  if (tenant.disconnected && !options.allowDisconnected) return deny('tenant_disconnected');
  ctx.tenants.remember(result.claims.jti, result.claims.exp, now);
  return { ok: true, tenant };
}
