import type { MedusaContainer } from '@medusajs/framework/types';
import { byte8Service, resolveConnector } from '../medusa/resolve-connector.js';

/** At most this many claim-deliver passes per tick, so one tick stays short. */
const MAX_PASSES = 20;

/**
 * Delivers due outbox rows. Subscribers only enqueue; this job (or a
 * separate `byte8 worker` process, with `worker.inJob: false`) sends.
 */
export default async function drainOutbox(container: MedusaContainer): Promise<void> {
  if (!byte8Service(container).options.worker.inJob) return;
  const { connector } = await resolveConnector(container);
  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    if ((await connector.worker.drainOnce()) === 0) return;
  }
}

export const config = {
  name: 'byte8-drain-outbox',
  schedule: { interval: 5_000 },
};
