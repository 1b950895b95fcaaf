import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InboundHandler } from '../../app/inbound-types.js';
import { errorResponse } from '../responses.js';
import { isSecureRequest } from './is-secure-request.js';
import { BodyTooLargeError, readRequestBody } from './read-request-body.js';

export interface NodeInboundOptions {
  /** Larger bodies get 413 before they are buffered. */
  readonly maxBodyBytes: number;
  /** Honour `X-Forwarded-Proto` (only behind a proxy you control). */
  readonly trustProxy: boolean;
}

/** Serves one request whose path after the host's mount (`/rest`) is `path` (`/V1/byte8/...`). */
export type NodeInboundHandler = (request: IncomingMessage, response: ServerResponse, path: string) => Promise<void>;

/**
 * The inbound handler on node's own request and response, shared by every
 * adapter (Express, Medusa, a bare `node:http` host): the body is read with
 * the size cap before any JWT or rate-limit work, `secure` follows
 * `trustProxy`, and the handler's answer is written unchanged. An adapter
 * only finds the path after its mount point.
 */
export function createNodeInboundHandler(handle: InboundHandler, options: NodeInboundOptions): NodeInboundHandler {
  return async (request, response, path) => {
    const method = (request.method ?? 'GET').toUpperCase();
    let rawBody: Buffer;
    try {
      rawBody = method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : await readRequestBody(request, options.maxBodyBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      const refusal = errorResponse(413, 'The request body is too large.');
      // The rest of the body is not wanted: close the connection after the answer.
      response.writeHead(refusal.status, { ...refusal.headers, connection: 'close' }).end(refusal.body);
      return;
    }
    const answer = await handle({
      method,
      path,
      headers: request.headers,
      rawBody,
      secure: isSecureRequest(request, options.trustProxy),
      remoteAddress: request.socket.remoteAddress ?? '',
    });
    response.writeHead(answer.status, answer.headers).end(answer.body);
  };
}
