import type { MedusaChanges } from '../changes/medusa-changes.js';
import type { AppScope } from '../modules/byte8/service.js';
import type { MedusaLogger } from '../connector/medusa-logger.js';
import { resolveConnector } from './resolve-connector.js';

/**
 * Runs one change translation for a subscriber. Medusa's local event bus
 * swallows subscriber errors, so a failure is logged with the event name and
 * id; the reconciliation sweep catches what was missed.
 */
export async function enqueueFromEvent(
  scope: AppScope,
  event: { readonly name: string; readonly id: string },
  run: (changes: MedusaChanges) => Promise<unknown>,
): Promise<void> {
  try {
    const { changes } = await resolveConnector(scope);
    await run(changes);
  } catch (error) {
    scope.resolve<MedusaLogger>('logger').error(`byte8: could not enqueue ${event.name} ${event.id}: ${(error as Error).message}`);
  }
}
