import { createHash } from 'node:crypto';
import {
  type Clock,
  type DeliveryRequest,
  type DeliveryResponse,
  type LedgerAuth,
  type LedgerHealth,
  type LedgerTransport,
  type Logger,
  type Random,
  disconnectKey,
  silentLogger,
  systemClock,
} from '@byte8/core';
import { Agent, type Dispatcher } from 'undici';
import { createOutboundSigner } from '../crypto/outbound-signer.js';
import { type CappedAnswer, dispatchCapped } from './capped-dispatch.js';
import { systemRandom } from '../crypto/system-random.js';
import { DeadlineSweeper } from './deadline-sweeper.js';
import { type LedgerTarget, ledgerTarget, webhookTarget } from './ledger-urls.js';
import { assertLedgerUrl, type LedgerUrlPolicy } from './ledger-url-policy.js';
import { parseRetryAfter } from './parse-retry-after.js';

export interface UndiciLedgerTransportOptions {
  /** Use this dispatcher (e.g. a host's pool, or undici's `MockAgent`); it is not closed by `close()`. */
  readonly dispatcher?: Dispatcher;
  /** Default 5 000 (wire-contract §13.4). */
  readonly connectTimeoutMs?: number;
  /** Whole request including the body; default 15 000. */
  readonly totalTimeoutMs?: number;
  /** Keep-alive sockets per ledger origin for the owned agent; default 64. */
  readonly connectionsPerOrigin?: number;
  /** Health answers are reused this long per tenant; default 30 000 (wire-contract §6.12). */
  readonly healthCacheMs?: number;
  /**
   * Bytes of a ledger answer read at most; the rest is not downloaded (the connection is dropped).
   * The ledger's answers are small JSON documents. Default 65 536.
   */
  readonly maxResponseBytes?: number;
  /** Where requests may go; checked before each one (the stored URL is also checked where it is read). */
  readonly urlPolicy?: LedgerUrlPolicy;
  readonly clock?: Clock;
  readonly random?: Random;
  readonly logger?: Logger;
}

/** Raised by `fetchStatus` on a non-2xx answer. */
export class LedgerHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: string,
  ) {
    super(`ledger answered HTTP ${statusCode}`);
    this.name = 'LedgerHttpError';
  }
}

const MAX_CACHED_TARGETS = 256;


/**
 * The `LedgerTransport` port over undici: one keep-alive pool per ledger
 * origin, a fresh outbound JWT per request, the contract's timeouts.
 *
 * @example
 * const transport = createUndiciLedgerTransport({ totalTimeoutMs: 10_000 });
 * const answer = await transport.deliver({ baseUrl, tenantId, masterKey, provider: 'sage_accounting',
 *   providerParam: null, eventName: 'invoice.created', idempotencyKey: 'invoice.created:42', body });
 */
export function createUndiciLedgerTransport(options: UndiciLedgerTransportOptions = {}): LedgerTransport {
  const connectTimeoutMs = options.connectTimeoutMs ?? 5_000;
  const totalTimeoutMs = options.totalTimeoutMs ?? 15_000;
  const healthCacheMs = options.healthCacheMs ?? 30_000;
  const maxResponseBytes = options.maxResponseBytes ?? 65_536;
  if (!Number.isInteger(maxResponseBytes) || maxResponseBytes < 1) throw new Error('ledger transport: maxResponseBytes must be a positive integer');
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const signer = createOutboundSigner({ clock, random: options.random ?? systemRandom });
  const owned = options.dispatcher
    ? null
    : new Agent({
        connect: { timeout: connectTimeoutMs },
        connections: options.connectionsPerOrigin ?? 64,
        keepAliveTimeout: 30_000,
        headersTimeout: totalTimeoutMs,
        bodyTimeout: totalTimeoutMs,
      });
  const dispatcher: Dispatcher = options.dispatcher ?? owned!;
  const deadlines = new DeadlineSweeper(totalTimeoutMs);
  const healthCache = new Map<string, { readonly value: LedgerHealth; readonly until: number }>();
  // Webhook URLs by base URL, tenant, event and provider: a drain sends thousands of requests to a
  // handful of them, and parsing the base URL per request showed in profiles. Bounded: a re-pair adds entries.
  const webhookTargets = new Map<string, LedgerTarget>();
  function cachedWebhookTarget(request: DeliveryRequest): LedgerTarget {
    const key = `${request.baseUrl}\n${request.tenantId}\n${request.eventName}\n${request.providerParam ?? ''}\n${request.providerParam === null}`;
    let target = webhookTargets.get(key);
    if (!target) {
      target = webhookTarget(request.baseUrl, request.tenantId, request.eventName, request.providerParam);
      if (webhookTargets.size >= MAX_CACHED_TARGETS) webhookTargets.delete(webhookTargets.keys().next().value!);
      webhookTargets.set(key, target);
    }
    return target;
  }

  async function send(
    method: 'GET' | 'POST',
    target: LedgerTarget,
    headers: Record<string, string>,
    body?: string,
  ): Promise<CappedAnswer> {
    // The origin is what is dialled: a base URL's user info is not part of it.
    if (options.urlPolicy) assertLedgerUrl(options.urlPolicy, target.origin);
    return dispatchCapped(dispatcher, { origin: target.origin, path: target.path, method, headers, body }, maxResponseBytes, deadlines);
  }

  function describeError(error: unknown): string {
    if (error instanceof Error && error.name === 'LedgerUrlRefusedError') return error.message;
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return `timed out after ${totalTimeoutMs} ms`;
    }
    const err = error as { code?: string; message?: string };
    return [err.code, err.message].filter(Boolean).join(': ') || String(error);
  }

  const bearer = (auth: LedgerAuth) => `Bearer ${signer.sign(auth.masterKey, auth.tenantId)}`;

  async function getJson(auth: LedgerAuth, relative: string): Promise<CappedAnswer> {
    return send('GET', ledgerTarget(auth.baseUrl, relative), { Authorization: bearer(auth), Accept: 'application/json' });
  }

  return {
    async deliver(request: DeliveryRequest): Promise<DeliveryResponse> {
      try {
        // Inside the try: a bad base URL is reported like an unreachable ledger, not thrown into the drain.
        const target = cachedWebhookTarget(request);
        const headers = {
          Authorization: bearer(request),
          'Content-Type': 'application/json',
          'Idempotency-Key': request.idempotencyKey,
        };
        const answer = await send('POST', target, headers, request.body);
        return {
          kind: 'response',
          statusCode: answer.statusCode,
          body: answer.body,
          retryAfterMs: parseRetryAfter(answer.retryAfter, clock.now()),
        };
      } catch (error) {
        return { kind: 'network-error', message: describeError(error) };
      }
    },

    async fetchHealth(auth: LedgerAuth): Promise<LedgerHealth | null> {
      if (!auth.tenantId || !auth.masterKey || !auth.baseUrl) return null;
      const cacheKey = `${auth.baseUrl}\n${createHash('sha1').update(auth.tenantId).digest('hex')}`;
      const now = clock.now().getTime();
      const cached = healthCache.get(cacheKey);
      if (cached && cached.until > now) return cached.value;
      try {
        const answer = await getJson(auth, '/v1/tile/health');
        if (answer.statusCode < 200 || answer.statusCode > 299) {
          logger.warn({ statusCode: answer.statusCode }, 'ledger health check failed');
          return null;
        }
        const value: unknown = JSON.parse(answer.body);
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
          logger.warn({}, 'ledger health answer is not a JSON object');
          return null;
        }
        healthCache.set(cacheKey, { value: value as LedgerHealth, until: now + healthCacheMs });
        return value as LedgerHealth;
      } catch (error) {
        logger.warn({ error: describeError(error) }, 'ledger health check failed');
        return null;
      }
    },

    async fetchStatus(auth: LedgerAuth, entityType: string, entityId: number): Promise<unknown> {
      const query = new URLSearchParams({ entity_type: entityType, entity_id: String(entityId) });
      const answer = await getJson(auth, `/v1/status?${query}`);
      if (answer.statusCode < 200 || answer.statusCode > 299) throw new LedgerHttpError(answer.statusCode, answer.body);
      return answer.body === '' ? null : JSON.parse(answer.body);
    },

    async disconnect(auth: LedgerAuth): Promise<boolean> {
      if (!auth.tenantId || !auth.masterKey || !auth.baseUrl) return true;
      // The tile cache must not outlive the connection (wire-contract §13.3).
      for (const key of healthCache.keys()) if (key.startsWith(`${auth.baseUrl}\n`)) healthCache.delete(key);
      try {
        const answer = await send(
          'POST',
          ledgerTarget(auth.baseUrl, '/v1/tenant/disconnect'),
          { Authorization: bearer(auth), 'Content-Type': 'application/json', 'Idempotency-Key': disconnectKey(auth.tenantId) },
          '{}',
        );
        if (answer.statusCode >= 200 && answer.statusCode <= 299) return true;
        logger.warn({ statusCode: answer.statusCode }, 'ledger did not acknowledge the disconnect');
        return false;
      } catch (error) {
        logger.warn({ error: describeError(error) }, 'ledger did not acknowledge the disconnect');
        return false;
      }
    },

    async close(): Promise<void> {
      healthCache.clear();
      webhookTargets.clear();
      deadlines.stop();
      await owned?.close();
    },
  };
}
