import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { z } from 'zod';
import { AdminRequestError } from '../../../../../../admin-api/admin-request-error.js';
import { directOf } from '../../../../../../admin-api/direct-of.js';
import { sendAdmin } from '../../../../../../admin-api/send-admin.js';

const bodySchema = z.object({ business_id: z.string().min(1).max(64) }).strict();

/** The businesses the connected user reaches, the lead one first (empty when not connected). */
export const GET = (req: MedusaRequest, res: MedusaResponse): Promise<void> =>
  sendAdmin(req, res, async (medusa) => {
    const connection = directOf(medusa, req.params.provider);
    return { provider: connection.provider, businesses: await connection.listBusinesses() };
  });

/** Chooses the business of a connection waiting for one; a refusal is a 409 with the words. */
export const POST = (req: MedusaRequest, res: MedusaResponse): Promise<void> =>
  sendAdmin(req, res, async (medusa) => {
    const connection = directOf(medusa, req.params.provider);
    const { business_id } = bodySchema.parse(req.body ?? {});
    const outcome = await connection.chooseBusiness(business_id);
    if (!outcome.ok) throw new AdminRequestError(409, outcome.message);
    return { provider: connection.provider, ...outcome };
  });
