import type { CurrentTenant, DeliveryOutcome, DirectConnection, DirectDeliveryResult, Logger, OutboxRow } from '@byte8/core';
import { type OutcomePolicy, cutBody } from '../worker/outcome-for.js';
import { nextAttemptAt } from '../worker/backoff.js';

/**
 * The drain worker's second way out: rows of providers in direct mode go to
 * the mode's own engine instead of the ledger. Same rows, same keys, same
 * lease and FIFO; only the delivery differs.
 */
export interface DirectDeliveryChannel {
  /** Is `provider` configured in direct mode (its ledger pairing, if any, is not used)? */
  handles(provider: string): boolean;
  /** Providers in direct mode that can post now, each with the account its rows must be addressed to. */
  tenants(): Promise<CurrentTenant[]>;
  /** One row; null gives the row back untouched (the connection cannot post now). */
  deliver(row: OutboxRow, policy: OutcomePolicy, at: () => Date): Promise<DeliveryOutcome | null>;
}

/**
 * `connections` is read on every call (the modes are attached after the
 * worker is built); `providers` names the providers in direct mode up front.
 */
export function createDirectDeliveryChannel(providers: readonly string[], connections: () => ReadonlyMap<string, DirectConnection>, logger: Logger): DirectDeliveryChannel {
  const direct = new Set(providers);
  const deliveryOf = (provider: string) => connections().get(provider)?.delivery;

  return {
    handles: (provider) => direct.has(provider),

    async tenants() {
      const found: CurrentTenant[] = [];
      for (const provider of direct) {
        const delivery = deliveryOf(provider);
        if (!delivery) continue;
        try {
          const account = await delivery.deliveryAccount();
          if (account !== null) found.push({ provider, tenantId: account });
        } catch (error) {
          logger.warn({ provider, error: errorText(error) }, 'cannot read the direct connection; its rows wait');
        }
      }
      return found;
    },

    async deliver(row, policy, at) {
      const delivery = deliveryOf(row.provider);
      if (!delivery) return null;
      const lastAttempt = row.attempts + 1 >= policy.maxAttempts;
      let result: DirectDeliveryResult;
      try {
        result = await delivery.deliver({ row, lastAttempt });
      } catch (error) {
        // The engine promises not to throw; if it does, the row is retried like a network error.
        result = { kind: 'retry', statusCode: null, error: `direct delivery failed: ${errorText(error)}`, retryAfterMs: null };
      }
      return outcomeOf(row, result, at(), policy, logger);
    },
  };
}

function outcomeOf(row: OutboxRow, result: DirectDeliveryResult, at: Date, policy: OutcomePolicy, logger: Logger): DeliveryOutcome | null {
  switch (result.kind) {
    case 'synced':
    case 'skipped':
      return { kind: 'succeeded', id: row.id, statusCode: 200, at };
    case 'hold':
      logger.info({ id: row.id, provider: row.provider, reason: result.reason }, 'direct delivery held; the row waits');
      return null;
    case 'failed':
      return { kind: 'dead_lettered', id: row.id, statusCode: result.statusCode, error: cutBody(result.error), at };
    case 'retry': {
      const attempts = row.attempts + 1;
      if (attempts >= policy.maxAttempts) return { kind: 'dead_lettered', id: row.id, statusCode: null, error: cutBody(`transient_exhausted: ${result.error}`), at };
      return {
        kind: 'retry',
        id: row.id,
        statusCode: result.statusCode,
        error: cutBody(result.error),
        at,
        nextAttemptAt: nextAttemptAt(at, attempts, result.retryAfterMs, policy.random, policy),
      };
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
