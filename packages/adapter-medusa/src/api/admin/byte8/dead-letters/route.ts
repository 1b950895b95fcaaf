import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { z } from 'zod';
import { providerOf } from '../../../../admin-api/provider-of.js';
import { sendAdmin } from '../../../../admin-api/send-admin.js';

const querySchema = z.object({ provider: z.string().optional(), limit: z.coerce.number().int().min(1).max(500).default(50) });

/** Dead-lettered outbox rows of one provider. */
export const GET = (req: MedusaRequest, res: MedusaResponse): Promise<void> =>
  sendAdmin(req, res, async ({ connector }) => {
    const query = querySchema.parse(req.query ?? {});
    const provider = providerOf(connector.providers, query.provider);
    return { provider: provider.key, ...(await connector.admin.deadLetters({ provider: provider.key, limit: query.limit })) };
  });
