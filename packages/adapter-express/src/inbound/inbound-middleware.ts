/**
 * Express adapter for the client's framework-neutral inbound handler.
 *
 * To whoever writes the next adapter: this file is the whole contract. Find
 * the path after `/rest`, keep the exact body bytes, decide `secure` from the
 * socket (or a trusted proxy), call the handler, write its answer unchanged.
 */
import type { InboundHandler, InboundRequest } from '@byte8/client';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { BodyTooLargeError, bodyAlreadyConsumed, readBody } from '../http/read-body.js';
import { isSecure } from '../http/is-secure.js';

export interface InboundMiddlewareOptions {
  /** Honour `X-Forwarded-Proto` (set only behind a proxy you control). */
  readonly trustProxy?: boolean;
  /** Largest accepted body; larger gets 413. Default 1 MiB. */
  readonly maxBodyBytes?: number;
}

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

function errorJson(response: Response, status: number, message: string): void {
  response.status(status).type('application/json').send(JSON.stringify({ message, parameters: [] }));
}

/**
 * Serves `/rest/V1/byte8/*` (or `/V1/byte8/*` when mounted under `/rest`)
 * through `handler`; every other request passes to `next()`.
 */
export function inboundMiddleware(handler: InboundHandler, options: InboundMiddlewareOptions = {}): RequestHandler {
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  const trustProxy = options.trustProxy ?? false;
  return async (request: Request, response: Response, next: NextFunction) => {
    const path = inboundPath(request.path);
    if (path === null) return next();
    if (bodyAlreadyConsumed(request)) {
      // A host body parser ran first; the raw bytes are gone, so fail loudly.
      errorJson(response, 500, 'Mount the byte8 router before any body parser (express.json/urlencoded).');
      return;
    }
    let rawBody: Buffer;
    try {
      rawBody = await readBody(request, limit);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return errorJson(response, 413, 'Request body too large.');
      return next(error);
    }
    const inbound: InboundRequest = {
      method: request.method,
      path,
      headers: request.headers,
      rawBody,
      secure: isSecure(request, trustProxy),
      remoteAddress: request.socket.remoteAddress ?? '',
    };
    try {
      const answer = await handler(inbound);
      response.status(answer.status);
      for (const [name, value] of Object.entries(answer.headers)) response.setHeader(name, value);
      response.end(answer.body);
    } catch (error) {
      next(error);
    }
  };
}
