import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { z } from 'zod';
import { providerOf } from '../../../../../admin-api/provider-of.js';
import { sendAdmin } from '../../../../../admin-api/send-admin.js';

const bodySchema = z.union([
  z.object({ id: z.number().int().positive(), provider: z.string().optional() }).strict(),
  z.object({ all: z.literal(true), provider: z.string().optional() }).strict(),
]);

/** Moves one dead letter (`{ id }`) or all of a provider's (`{ all: true }`) back to pending. */
export const POST = (req: MedusaRequest, res: MedusaResponse): Promise<void> =>
  sendAdmin(req, res, async ({ connector }) => {
    const body = bodySchema.parse(req.body ?? {});
    const provider = providerOf(connector.providers, body.provider);
    const target = 'id' in body ? { id: body.id } : { all: true as const };
    return { provider: provider.key, requeued: await connector.admin.requeue(target, provider.key) };
  });
