import {
  type Clock,
  type ConnectionStore,
  type EnqueueResult,
  type FiredEvent,
  type HostTransaction,
  type LedgerTransport,
  type Logger,
  type OutboxEventInput,
  type OutboxStore,
  type ProviderCommandContext,
  type PublishNowResult,
  type SecretBox,
  formatWireTimestamp,
  serializeEnvelope,
  silentLogger,
  systemClock,
} from '@byte8/core';
import { classifyResponse } from '../transport/classify-response.js';
import type { LedgerUrlPolicy } from '../transport/ledger-url-policy.js';
import { DEFAULT_LEDGER_BASE_URL, isConnected, resolveLedgerAuth } from '../transport/resolve-ledger-auth.js';

/** The event a provider command publishes synchronously (core `ProviderCommandContext.publishNow`). */
export type PublishNowEvent = Parameters<ProviderCommandContext['publishNow']>[0];

/** Turns fired events into outbox rows; the only HTTP it does is `publishNow`, on a command's request. */
export interface Publisher {
  /**
   * Stores the events of one provider in one round trip, joining the host's
   * transaction when given. Skips silently (returns `[]`) when the provider
   * is not connected, as the Magento observers do (wire-contract §6.1).
   */
  enqueue(provider: string, events: readonly FiredEvent[], options?: { transaction?: HostTransaction }): Promise<EnqueueResult[]>;
  /**
   * Immediate POST for provider CLI commands (wire-contract §6.9): 2xx gives
   * the `sync_run_id`; a deterministic 4xx is returned as rejected with
   * nothing enqueued; a transient failure puts the event in the outbox.
   */
  publishNow(provider: string, event: PublishNowEvent): Promise<PublishNowResult>;
}

export interface PublisherDeps {
  readonly outbox: OutboxStore;
  readonly connections: ConnectionStore;
  /**
   * Connection reads inside the host's transaction (`transactionConnections(storage)`), for an
   * outbox store without `enqueueForConnectedTenant` (MySQL), whose enqueue cannot read the
   * tenant itself. Required there on PGlite-like single sessions when hooks get a transaction;
   * without it, the read runs beside the transaction.
   */
  readonly connectionsIn?: (transaction: HostTransaction) => Pick<ConnectionStore, 'get'>;
  /** Needed by `publishNow` only. */
  readonly transport?: LedgerTransport;
  readonly secretBox?: SecretBox;
  /** `?provider=` value per provider key (`Provider.webhookProviderParam`); absent means none. */
  readonly webhookProviderParams?: Readonly<Record<string, string | null>>;
  readonly defaultBaseUrl?: string;
  /** Where `publishNow` may post; default the real ledger's hosts and `defaultBaseUrl`. */
  readonly ledgerUrlPolicy?: LedgerUrlPolicy;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /**
   * Providers in direct mode: the account (Sage business) a new row is addressed to,
   * or null when not connected (nothing enqueued). Undefined for a ledger-mode provider.
   */
  readonly directAccount?: (provider: string, transaction?: HostTransaction) => Promise<string | null> | undefined;
}

export function createPublisher(deps: PublisherDeps): Publisher {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? silentLogger;

  function toInput(provider: string, tenantId: string | null, event: FiredEvent | PublishNowEvent, occurredAt: string): OutboxEventInput {
    const body = serializeEnvelope({
      magento_entity_id: event.entityId,
      website_id: event.websiteId,
      store_id: event.storeId,
      occurred_at: occurredAt,
      payload: { ...event.payload },
    });
    return {
      provider,
      tenantId,
      eventName: event.eventName,
      idempotencyKey: event.idempotencyKey,
      body,
      // Command publishes carry no entity type, so the store writes no mirror row for them (wire-contract §6.9).
      entityType: 'entityType' in event ? event.entityType : null,
      entityId: 'entityType' in event ? event.entityId : null,
      upsert: 'upsert' in event ? event.upsert : false,
    };
  }

  return {
    async enqueue(provider, events, options = {}) {
      if (events.length === 0) return [];
      const direct = deps.directAccount?.(provider, options.transaction);
      if (direct !== undefined) {
        const account = await direct;
        if (account === null) {
          logger.debug({ provider, events: events.length }, 'direct provider not connected; events not enqueued');
          return [];
        }
        const occurredAt = formatWireTimestamp(clock.now());
        return deps.outbox.enqueue(
          events.map((event) => toInput(provider, account, event, occurredAt)),
          options,
        );
      }
      const occurredAt = formatWireTimestamp(clock.now());
      if (deps.outbox.enqueueForConnectedTenant) {
        // The statement reads the tenant itself: one round trip inside the host's transaction.
        const inputs = events.map((event) => toInput(provider, null, event, occurredAt));
        const results = await deps.outbox.enqueueForConnectedTenant(provider, inputs, options);
        if (results === null) logger.debug({ provider, events: events.length }, 'provider not connected; events not enqueued');
        return results ?? [];
      }
      const reader =
        options.transaction !== undefined && deps.connectionsIn ? deps.connectionsIn(options.transaction) : deps.connections;
      const connection = await reader.get(provider);
      if (!isConnected(connection)) {
        logger.debug({ provider, events: events.length }, 'provider not connected; events not enqueued');
        return [];
      }
      const inputs = events.map((event) => toInput(provider, connection.tenantId, event, occurredAt));
      return deps.outbox.enqueue(inputs, options);
    },

    async publishNow(provider, event) {
      const { transport, secretBox } = deps;
      if (!transport || !secretBox) throw new Error('publishNow needs a transport and a secret box');
      const direct = deps.directAccount?.(provider);
      if (direct !== undefined) {
        // Only whether the provider is in direct mode matters here, not its account.
        await Promise.resolve(direct).catch(() => null);
        throw new Error(
          `provider ${provider} is in direct mode: this command publishes through the Byte8 ledger, which direct mode does not use; use Sync again in the admin to post the document directly`,
        );
      }
      const connection = await deps.connections.get(provider);
      const auth = resolveLedgerAuth(connection, secretBox, deps.defaultBaseUrl ?? DEFAULT_LEDGER_BASE_URL, deps.ledgerUrlPolicy);
      if (!auth) throw new Error(`provider ${provider} is not connected to the ledger`);
      const input = toInput(provider, auth.tenantId, event, formatWireTimestamp(clock.now()));
      const response = await transport.deliver({
        ...auth,
        provider,
        providerParam: deps.webhookProviderParams?.[provider] ?? null,
        eventName: input.eventName,
        idempotencyKey: input.idempotencyKey,
        body: input.body,
      });
      const kind = classifyResponse(response);
      if (kind === 'success' && response.kind === 'response') return { kind: 'accepted', syncRunId: syncRunIdOf(response.body) };
      if (kind === 'rejected' && response.kind === 'response') {
        return { kind: 'rejected', statusCode: response.statusCode, body: response.body };
      }
      const reason =
        response.kind === 'network-error'
          ? `Network error publishing to Byte8: ${response.message}`
          : `Byte8 returned HTTP ${response.statusCode}; will retry.`;
      await deps.outbox.enqueue([input]);
      return { kind: 'queued', reason };
    },
  };
}

/** `sync_run_id` of a 2xx webhook answer, or `''` when absent or undecodable (wire-contract §6.9). */
function syncRunIdOf(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    const id = parsed && typeof parsed === 'object' ? (parsed as { sync_run_id?: unknown }).sync_run_id : undefined;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : '';
  } catch {
    return '';
  }
}
