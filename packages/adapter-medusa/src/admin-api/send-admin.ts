import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import type { ZodError } from 'zod';
import type { MedusaConnector } from '../connector/create-medusa-connector.js';
import { resolveConnector } from '../medusa/resolve-connector.js';
import { AdminRequestError } from './admin-request-error.js';

/** Zod's issues in one line a person can read: `action: Invalid option ...; provider: ...`. */
function describeZodError(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
}

/**
 * Runs an admin handler with the connector and answers JSON; bad input
 * (unknown provider, invalid body) is a 400 with a message, a refused action
 * (`AdminRequestError`) its own status.
 */
export async function sendAdmin(
  req: MedusaRequest,
  res: MedusaResponse,
  handler: (medusa: MedusaConnector) => Promise<unknown>,
): Promise<void> {
  let body: unknown;
  try {
    body = await handler(await resolveConnector(req.scope));
  } catch (error) {
    if (error instanceof AdminRequestError) {
      res.status(error.status).json({ message: error.message });
      return;
    }
    if ((error as ZodError).name === 'ZodError') {
      res.status(400).json({ message: describeZodError(error as ZodError) });
      return;
    }
    throw error;
  }
  res.json(body);
}
