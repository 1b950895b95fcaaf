/**
 * Express adapter for the client's inbound handler.
 *
 * To whoever writes the next adapter: this file is the whole contract. Find
 * the path after `/rest` and hand node's request and response to
 * `byte8.serveNode`: it reads the exact body bytes under the size cap,
 * decides `secure` from the socket (or the trusted proxy of
 * `inbound.trustProxy`), calls the handler and writes its answer unchanged.
 */
import type { NodeInboundHandler } from '@byte8/client';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

const PREFIXES = ['/rest/V1/byte8/', '/V1/byte8/'] as const;

/** Path after `/rest`, or null when the request is not for us. */
function inboundPath(path: string): string | null {
  for (const prefix of PREFIXES) {
    if (path.startsWith(prefix) || `${path}/` === prefix) {
      return prefix === '/rest/V1/byte8/' ? path.slice('/rest'.length) : path;
    }
  }
  return null;
}

/** True when something (e.g. `express.json()`) consumed the body before us. */
function bodyAlreadyConsumed(request: Request): boolean {
  return request.readableEnded || (request as { _body?: unknown })._body === true;
}

/**
 * Serves `/rest/V1/byte8/*` (or `/V1/byte8/*` when mounted under `/rest`)
 * through `serveNode` (`byte8.serveNode`); every other request passes to `next()`.
 */
export function inboundMiddleware(serveNode: NodeInboundHandler): RequestHandler {
  return async (request: Request, response: Response, next: NextFunction) => {
    const path = inboundPath(request.path);
    if (path === null) return next();
    if (bodyAlreadyConsumed(request)) {
      // A host body parser ran first; the raw bytes are gone, so fail loudly.
      response
        .status(500)
        .type('application/json')
        .send(JSON.stringify({ message: 'Mount the byte8 router before any body parser (express.json/urlencoded).', parameters: [] }));
      return;
    }
    try {
      await serveNode(request, response, path);
    } catch (error) {
      next(error);
    }
  };
}
