import { randomUUID } from 'node:crypto';
import type { CanonicalSource, Clock, ConnectionStore, Logger, RateLimitStore, ReplayGuard, SecretBox, SyncStateStore } from '@byte8/core';
import type { InboundHandler, InboundRequest, InboundResponse } from '../app/inbound-types.js';
import { createInboundJwtVerifier } from '../crypto/verify-inbound-jwt-request.js';
import { createPairingRateLimiter, type PairingRateLimitOptions } from '../pairing/pairing-rate-limiter.js';
import type { LedgerUrlPolicy } from '../transport/ledger-url-policy.js';
import { errorResponse, internalErrorResponse, jsonResponse, unauthorizedResponse } from './responses.js';
import { CANONICAL_ROUTES, type CanonicalEntityRoute, serveCanonical, servePaymentMethods } from './serve-canonical.js';
import { servePair } from './serve-pair.js';
import { serveSyncState } from './serve-sync-state.js';

export interface InboundHandlerDeps {
  /** Installed providers: each brings its own anonymous pairing route. */
  readonly providers: readonly { readonly key: string; readonly pairingPath: string }[];
  readonly connections: ConnectionStore;
  readonly replayGuard: ReplayGuard;
  /** Pairing rate-limit counters shared by the host's instances (`storage.rateLimits`); this process's memory without. */
  readonly rateLimits?: RateLimitStore;
  readonly syncState: SyncStateStore;
  readonly canonicalSource: CanonicalSource;
  readonly secretBox: SecretBox;
  readonly clock: Clock;
  readonly logger: Logger;
}

export interface InboundHandlerOptions {
  /** Production: requests not marked `secure` are refused. Default false. */
  readonly production?: boolean;
  /** Larger bodies get 413. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  readonly pairingRateLimit?: PairingRateLimitOptions;
  /** Which ledgers a pairing may name (`ledger_base_url`); default the real ledger's hosts only. */
  readonly ledgerUrlPolicy?: LedgerUrlPolicy;
  /**
   * Expired `jti`s are purged at most this often, after a verified request,
   * so the table stays small where no worker runs its GC. 0 turns it off.
   * Default 600 000 ms.
   */
  readonly jtiPurgeIntervalMs?: number;
}

type Route =
  | { readonly kind: 'pair'; readonly provider: string }
  | { readonly kind: 'ping' | 'payment-methods' | 'sync-state' }
  | { readonly kind: 'entity'; readonly entity: CanonicalEntityRoute; readonly id: string };

const ENTITY_PATH = new RegExp(`^/V1/byte8/(${CANONICAL_ROUTES.join('|')})/([^/]+)$`);

/**
 * The framework-neutral handler of every `/V1/byte8/*` route (design §5
 * Inbound); adapters mount it under `/rest`. Every route but the providers'
 * pairing routes needs a valid inbound JWT; every failure of it is the same
 * generic 401, its reason only logged.
 *
 * @example
 * const handleInbound = createInboundHandler(
 *   { providers, connections: storage.connections, replayGuard: storage.replayGuard,
 *     syncState: storage.syncState, canonicalSource, secretBox, clock, logger },
 *   { production: true },
 * );
 */
export function createInboundHandler(deps: InboundHandlerDeps, options: InboundHandlerOptions = {}): InboundHandler {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const production = options.production ?? false;
  const verify = createInboundJwtVerifier(deps);
  const rateLimiter = createPairingRateLimiter({ ...options.pairingRateLimit, clock: deps.clock, ...(deps.rateLimits ? { store: deps.rateLimits } : {}) });
  const pairingRoutes = new Map<string, string>();
  for (const provider of deps.providers) {
    if (pairingRoutes.has(provider.pairingPath)) throw new Error(`providers: ${provider.key} and ${pairingRoutes.get(provider.pairingPath)} share the pairing path ${provider.pairingPath}`);
    pairingRoutes.set(provider.pairingPath, provider.key);
  }
  const canonical = { canonicalSource: deps.canonicalSource, logger: deps.logger, newReportId: () => randomUUID() };
  const purgeEveryMs = options.jtiPurgeIntervalMs ?? 600_000;
  if (!Number.isInteger(purgeEveryMs) || purgeEveryMs < 0) throw new Error('inbound.jtiPurgeIntervalMs: must be an integer >= 0');
  let lastPurgeAt = deps.clock.now().getTime();

  /** Off the request's path: the answer does not wait for it, and a failure is only logged. */
  function maybePurgeJtis(): void {
    const now = deps.clock.now();
    if (purgeEveryMs === 0 || now.getTime() - lastPurgeAt < purgeEveryMs) return;
    lastPurgeAt = now.getTime();
    deps.replayGuard.purgeExpired(now).then(
      (purged) => purged > 0 && deps.logger.debug({ purged }, 'byte8: purged expired inbound jtis'),
      (error) => deps.logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'byte8: jti purge failed'),
    );
  }

  function match(path: string): { route: Route; method: 'GET' | 'POST' } | null {
    const provider = pairingRoutes.get(path);
    if (provider) return { route: { kind: 'pair', provider }, method: 'POST' };
    if (path === '/V1/byte8/ping') return { route: { kind: 'ping' }, method: 'GET' };
    if (path === '/V1/byte8/payment-methods') return { route: { kind: 'payment-methods' }, method: 'GET' };
    if (path === '/V1/byte8/sync-state') return { route: { kind: 'sync-state' }, method: 'POST' };
    const entity = ENTITY_PATH.exec(path);
    if (entity) return { route: { kind: 'entity', entity: entity[1] as CanonicalEntityRoute, id: entity[2]! }, method: 'GET' };
    return null;
  }

  async function handle(request: InboundRequest): Promise<InboundResponse> {
    const found = match(request.path.split('?')[0]!);
    if (!found) return errorResponse(404, 'Request does not match any route.');
    if (request.method.toUpperCase() !== found.method) {
      return errorResponse(405, 'Request does not match any route.', [], { allow: found.method });
    }
    const size = typeof request.rawBody === 'string' ? Buffer.byteLength(request.rawBody) : request.rawBody.byteLength;
    if (size > maxBodyBytes) return errorResponse(413, 'The request body is too large.');
    const { route } = found;

    if (route.kind === 'pair') {
      if (production && !request.secure) {
        deps.logger.error({ provider: route.provider }, 'byte8: pairing refused: HTTPS is required in production');
        return errorResponse(403, 'HTTPS is required.');
      }
      return servePair({ ...deps, rateLimiter, ...(options.ledgerUrlPolicy ? { ledgerUrlPolicy: options.ledgerUrlPolicy } : {}) }, route.provider, request);
    }

    if (production && !request.secure) {
      deps.logger.error({}, 'byte8: inbound JWT rejected: HTTPS is required in production');
      return unauthorizedResponse();
    }
    const auth = await verify(firstHeader(request.headers.authorization));
    if (!auth.ok) return unauthorizedResponse();
    maybePurgeJtis();

    switch (route.kind) {
      case 'ping':
        // The object form Magento's ping intends (wire-contract §7.2). Magento's
        // webapi likely flattens it to `[true, tenant, time]`; the ledger relies
        // only on the 2xx, so we serve the documented, self-describing shape.
        return jsonResponse(200, { ok: true, tenant_id: auth.tenantId, server_time: phpIsoTime(deps.clock.now()) });
      case 'payment-methods':
        return servePaymentMethods(canonical);
      case 'sync-state':
        return serveSyncState(deps, request.rawBody, auth.provider);
      case 'entity':
        return serveCanonical(canonical, route.entity, route.id);
    }
  }

  return async (request) => {
    try {
      return await handle(request);
    } catch (error) {
      const reportId = randomUUID();
      deps.logger.error({ reportId, path: request.path.split('?')[0], error: error instanceof Error ? error.message : String(error) }, 'byte8: inbound request failed');
      return internalErrorResponse(reportId);
    }
  };
}

function firstHeader(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0];
}

/** PHP `gmdate('c')`: `2026-04-30T10:11:12+00:00`. */
function phpIsoTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}+00:00`;
}
