import type { Clock, DirectDeliveryRequest, DirectDeliveryResult, DirectDocumentDelivery, DirectDocumentDeps, Logger, OAuthConnectionStore, OutboxRow } from '@byte8/core';
import type { SageApiClient } from '../../api/sage-api-client.js';
import type { EnsureContext } from '../exactly-once/ensure-object.js';
import { KeyedMutex } from '../exactly-once/keyed-mutex.js';
import type { CatalogLink } from '../mapping/artefact-lines.js';
import type { SagePolicy } from '../policy/sage-policy.js';
import { classifyFailure } from './classify-failure.js';
import { RetryAfterGate } from './retry-after-gate.js';
import { chipWriter, type DeliveryContext, PolicySkip } from './delivery-context.js';
import { deliverCreditNote } from './deliver-credit-note.js';
import { deliverCustomer } from './deliver-customer.js';
import { deliverInvoiceCreated, deliverInvoicePaid } from './deliver-invoice.js';
import { deliverProduct } from './deliver-product.js';
import { type PreviewCall, type PreviewKind, previewDocument } from '../preview/preview-document.js';

export interface SageDocumentEngineDeps {
  readonly provider: string;
  readonly api: SageApiClient;
  readonly policy: SagePolicy;
  readonly documents: DirectDocumentDeps;
  readonly oauthConnections: Pick<OAuthConnectionStore, 'get'>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How long an unanswered create of another worker may still be in flight. */
  readonly inFlightMs: number;
}

const HANDLERS: Readonly<Record<string, (ctx: DeliveryContext) => Promise<void>>> = {
  'invoice.created': deliverInvoiceCreated,
  'invoice.paid': deliverInvoicePaid,
  'creditmemo.created': deliverCreditNote,
  'customer.upserted': deliverCustomer,
  'product.upserted': deliverProduct,
};

/** `magento_entity_id` of the row's envelope (the same bytes the ledger would receive). */
function entityIdOf(row: OutboxRow): number | null {
  if (row.entityId !== null) return row.entityId;
  try {
    const id = (JSON.parse(row.body) as { magento_entity_id?: unknown }).magento_entity_id;
    return typeof id === 'number' && Number.isSafeInteger(id) ? id : null;
  } catch {
    return null;
  }
}

/**
 * Sage direct mode's document engine: one outbox row in, the Sage objects
 * and the chip out (spec a.3, b, c). The outbox row tells which event and
 * entity; the host's `CanonicalSource` gives the entity as the ledger would
 * pull it; the entity cross-reference keeps every post exactly once.
 */
export class SageDocumentEngine implements DirectDocumentDelivery {
  readonly #deps: SageDocumentEngineDeps;
  readonly #mutex = new KeyedMutex();
  readonly #gate: RetryAfterGate;

  constructor(deps: SageDocumentEngineDeps) {
    this.#deps = deps;
    this.#gate = new RetryAfterGate(deps.api, deps.clock);
  }

  async deliveryAccount(): Promise<string | null> {
    const record = await this.#deps.oauthConnections.get(this.#deps.provider);
    return record?.status === 'connected' && record.business ? record.business.id : null;
  }

  /** The Sage calls a document would cause, posting nothing (the dry run). */
  async preview(kind: PreviewKind, id: number): Promise<PreviewCall[]> {
    const account = await this.deliveryAccount();
    return previewDocument(
      {
        policy: this.#deps.policy,
        source: this.#deps.documents.canonicalSource,
        xrefs: this.#deps.documents.entityXrefs,
        scope: account ? { provider: this.#deps.provider, accountId: account } : null,
        now: this.#deps.clock.now(),
      },
      kind,
      id,
    );
  }

  async deliver({ row, lastAttempt }: DirectDeliveryRequest): Promise<DirectDeliveryResult> {
    const { provider, documents, logger } = this.#deps;
    const now = () => this.#deps.clock.now();
    const chip = chipWriter(documents.syncState, row, provider, now);
    const handler = HANDLERS[row.eventName];
    const entityId = entityIdOf(row);
    if (!handler || entityId === null || row.tenantId === null) {
      logger.warn({ id: row.id, event: row.eventName }, 'direct mode has no handler for this row; marked done');
      return { kind: 'skipped' };
    }
    const ctx = this.#context(row, entityId, chip, now);
    try {
      await handler(ctx);
      return { kind: 'synced' };
    } catch (error) {
      if (error instanceof PolicySkip) {
        await chip({ status: 'skipped', skipReason: error.reason, providerEntityId: error.providerEntityId, providerReference: error.providerReference, message: error.message === error.reason ? null : error.message });
        return { kind: 'skipped' };
      }
      const failure = classifyFailure(error, lastAttempt);
      if (failure.chip) await chip(failure.chip);
      if (failure.result.kind !== 'hold') {
        logger.warn({ id: row.id, event: row.eventName, provider, outcome: failure.result.kind, error: error instanceof Error ? error.message.slice(0, 500) : String(error) }, 'direct delivery did not succeed');
      }
      return failure.result;
    }
  }

  #context(row: OutboxRow, entityId: number, chip: DeliveryContext['chip'], now: () => Date): DeliveryContext {
    const { documents, policy } = this.#deps;
    const api = this.#gate;
    const ensure: EnsureContext = {
      scope: { provider: this.#deps.provider, accountId: row.tenantId! },
      xrefs: documents.entityXrefs,
      transact: (work) => documents.transact(work),
      mutex: this.#mutex,
      clock: this.#deps.clock,
      inFlightMs: this.#deps.inFlightMs,
    };
    const catalog: CatalogLink = async (sku) => {
      if (sku.length > 128) return null;
      const xref = await documents.entityXrefs.find(ensure.scope, 'sku', sku);
      if (!xref?.providerId) return null;
      return { field: xref.family === 'services' ? 'service_id' : 'product_id', id: xref.providerId };
    };
    return { row, entityId, ensure, api, policy, source: documents.canonicalSource, catalog, now, chip };
  }
}
