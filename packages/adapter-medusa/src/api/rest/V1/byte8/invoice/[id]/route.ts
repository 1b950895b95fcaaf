import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { serveInbound } from '../../../../../../inbound/serve-inbound.js';

/** Canonical invoice (JWT-checked by the client). */
export const AUTHENTICATE = false;

export const GET = (req: MedusaRequest, res: MedusaResponse): Promise<void> => serveInbound(req, res);
