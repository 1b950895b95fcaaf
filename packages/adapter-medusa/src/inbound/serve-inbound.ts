import type { IncomingMessage } from 'node:http';
import type { MedusaRequest, MedusaResponse } from '@medusajs/framework/http';
import { resolveConnector } from '../medusa/resolve-connector.js';

/** Where Medusa serves the ledger's routes; the client's handler sees paths from `/V1/`. */
export const INBOUND_MOUNT = '/rest';

async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/**
 * Serves one `/rest/V1/byte8/*` request with the client's framework-neutral
 * handler. The body parser is off for these routes (see middlewares), so the
 * exact bytes reach the JWT body-hash check.
 */
export async function serveInbound(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { connector } = await resolveConnector(req.scope);
  const url = req.originalUrl ?? req.url;
  const pathOnly = url.split('?', 1)[0] ?? url;
  const path = pathOnly.startsWith(INBOUND_MOUNT) ? pathOnly.slice(INBOUND_MOUNT.length) : pathOnly;
  const rawBody = req.method === 'GET' || req.method === 'HEAD' ? Buffer.alloc(0) : await readRawBody(req);
  const answer = await connector.handleInbound({
    method: req.method,
    path,
    headers: req.headers as Record<string, string | string[] | undefined>,
    rawBody,
    // Express computes `secure` from the socket, or X-Forwarded-Proto when Medusa trusts the proxy.
    secure: req.secure,
    remoteAddress: req.socket.remoteAddress ?? '',
  });
  res.status(answer.status);
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  res.send(answer.body);
}
