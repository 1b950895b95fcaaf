import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { z } from 'zod';
import { providerOf } from '../../../../admin-api/provider-of.js';
import { sendAdmin } from '../../../../admin-api/send-admin.js';

const bodySchema = z
  .object({
    entity_type: z.enum(['invoice', 'creditmemo', 'customer', 'product']),
    /** The wire id the status routes report as `entityId`. */
    entity_id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    provider: z.string().optional(),
  })
  .strict();

const STATUS = { queued: 200, already_queued: 200, not_connected: 409, not_found: 404 } as const;

/**
 * "Sync again": requeues the document's latest events for the provider (or
 * queues fresh ones when none is left) and turns its chip pending. 404 when
 * Medusa has no such document, 409 when the provider is not connected.
 */
export const POST = (req: MedusaRequest, res: MedusaResponse): Promise<void> =>
  sendAdmin(req, res, async ({ connector }) => {
    const body = bodySchema.parse(req.body ?? {});
    const provider = providerOf(connector.providers, body.provider);
    const result = await connector.admin.resync(body.entity_type, body.entity_id, provider.key);
    res.status(STATUS[result.outcome]);
    return { provider: provider.key, ...result };
  });
