import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { productStatuses } from '../../../../../admin-api/document-statuses.js';
import { sendAdmin } from '../../../../../admin-api/send-admin.js';

/** Sync status of each variant of a product, per provider. */
export const GET = (req: MedusaRequest, res: MedusaResponse): Promise<void> =>
  sendAdmin(req, res, (medusa) => productStatuses(medusa, req.params.id!));
