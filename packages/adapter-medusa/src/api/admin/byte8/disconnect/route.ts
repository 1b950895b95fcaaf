import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { z } from 'zod';
import { providerOf } from '../../../../admin-api/provider-of.js';
import { sendAdmin } from '../../../../admin-api/send-admin.js';

const bodySchema = z.object({ provider: z.string().optional() }).strict();

/** Forgets the provider's credentials and tells the ledger (best effort). */
export const POST = (req: MedusaRequest, res: MedusaResponse): Promise<void> =>
  sendAdmin(req, res, async ({ connector }) => {
    const body = bodySchema.parse(req.body ?? {});
    const provider = providerOf(connector.providers, body.provider);
    return { provider: provider.key, ...(await connector.admin.disconnect(provider.key)) };
  });
