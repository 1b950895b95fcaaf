import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { customerStatuses } from '../../../../../admin-api/document-statuses.js';
import { sendAdmin } from '../../../../../admin-api/send-admin.js';

/** Sync status of a customer's contact, per provider. */
export const GET = (req: MedusaRequest, res: MedusaResponse): Promise<void> =>
  sendAdmin(req, res, (medusa) => customerStatuses(medusa, req.params.id!));
