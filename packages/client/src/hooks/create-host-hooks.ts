import {
  type EnqueueResult,
  type HookOptions,
  type HostChange,
  type HostHooks,
  type Logger,
  type Provider,
  hostChangeProblem,
  silentLogger,
} from '@byte8/core';
import type { Publisher } from '../publisher/publisher.js';

export interface HostHooksDeps {
  readonly providers: readonly Provider[];
  readonly publisher: Publisher;
  readonly logger?: Logger;
}

/**
 * The host-neutral hook API (core `HostHooks`, design §3): every installed
 * provider's rules run on the change and what fires is enqueued; providers
 * that are not connected are skipped by the publisher.
 *
 * Errors: inside the host's transaction a failure propagates, so the host's
 * write and its events fail as a unit (a true transactional outbox). Without
 * a transaction it is logged and swallowed: a sync problem must never break
 * the host's save (wire-contract §6.1). A change of the wrong shape (a string
 * id, an unknown state) is the host's bug: the same rule applies, with the
 * field named, instead of the rules quietly firing nothing.
 *
 * @example
 * await hooks.invoiceSaved({ before: null, after: invoice }, { transaction: trx });
 */
const HOOK_NAMES: Readonly<Record<HostChange['kind'], string>> = {
  invoice: 'invoiceSaved',
  creditmemo: 'creditMemoSaved',
  customer: 'customerSaved',
  product: 'productSaved',
  stock: 'stockSaved',
};

export function createHostHooks(deps: HostHooksDeps): HostHooks {
  const logger = deps.logger ?? silentLogger;

  async function run(change: HostChange, options: HookOptions = {}): Promise<EnqueueResult[]> {
    const problem = hostChangeProblem(change.kind, change.change);
    if (problem !== null) {
      const message = `byte8: ${HOOK_NAMES[change.kind]}() got an invalid change, nothing was enqueued: ${problem}`;
      if (options.transaction !== undefined) throw new TypeError(message);
      logger.error({ change: change.kind, problem }, message);
      return [];
    }
    const results: EnqueueResult[] = [];
    for (const provider of deps.providers) {
      try {
        const fired = provider.eventsFor(change);
        if (fired.length === 0) continue;
        results.push(...(await deps.publisher.enqueue(provider.key, fired, options)));
      } catch (error) {
        if (options.transaction !== undefined) throw error;
        logger.error(
          { provider: provider.key, change: change.kind, error: error instanceof Error ? error.message : String(error) },
          'failed to enqueue events; the host save continues',
        );
      }
    }
    return results;
  }

  return {
    invoiceSaved: (change, options) => run({ kind: 'invoice', change }, options),
    creditMemoSaved: (change, options) => run({ kind: 'creditmemo', change }, options),
    customerSaved: (change, options) => run({ kind: 'customer', change }, options),
    productSaved: (change, options) => run({ kind: 'product', change }, options),
    stockSaved: (change, options) => run({ kind: 'stock', change }, options),
  };
}
