import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { serveInbound } from '../../../../../inbound/serve-inbound.js';

/** The ledger terminal-status callback. */
export const AUTHENTICATE = false;

export const POST = (req: MedusaRequest, res: MedusaResponse): Promise<void> => serveInbound(req, res);
