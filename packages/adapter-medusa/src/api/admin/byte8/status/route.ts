import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { sendAdmin } from '../../../../admin-api/send-admin.js';

/** Connection status of every installed provider, the dead-letter banner and the events held for a previous tenant. */
export const GET = (req: MedusaRequest, res: MedusaResponse): Promise<void> =>
  sendAdmin(req, res, async ({ connector }) => {
    const providers = [];
    for (const provider of connector.providers) {
      providers.push({
        key: provider.key,
        name: provider.labels.name,
        chips: provider.labels.chips,
        connection: await connector.admin.connectionStatus(provider.key),
        deadLetters: await connector.admin.deadLetters({ provider: provider.key, limit: 20 }),
        held: await connector.admin.heldRows(provider.key),
      });
    }
    return { providers };
  });
