import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { orderStatuses } from '../../../../../admin-api/document-statuses.js';
import { sendAdmin } from '../../../../../admin-api/send-admin.js';

/** Sync status of an order's invoice, payment and credit memos, per provider. */
export const GET = (req: MedusaRequest, res: MedusaResponse): Promise<void> =>
  sendAdmin(req, res, async (medusa) => {
    const statuses = await orderStatuses(medusa, req.params.id!);
    if (!statuses) res.status(404);
    return statuses ?? { message: `order ${req.params.id} not found` };
  });
