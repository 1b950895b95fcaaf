import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { sendAdmin } from '../../../../admin-api/send-admin.js';

/** The dashboard figures of every installed provider: the day's deliveries, backlog, failures and the last 24 hours. */
export const GET = (req: MedusaRequest, res: MedusaResponse): Promise<void> =>
  sendAdmin(req, res, async ({ connector }) => {
    const providers = [];
    for (const provider of connector.providers) {
      providers.push({ key: provider.key, name: provider.labels.name, figures: await connector.admin.dashboardFigures(provider.key) });
    }
    return { providers };
  });
