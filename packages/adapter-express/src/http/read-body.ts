import type { IncomingMessage } from 'node:http';

/** The request body exceeded the adapter's size limit. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Request body exceeds ${limit} bytes.`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Reads the exact bytes of a request, refusing more than `limit`. The raw
 * bytes matter: inbound bodies are verified and parsed by the client, never
 * re-serialised by a framework parser.
 */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    throw new BodyTooLargeError(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limit) {
      request.resume();
      throw new BodyTooLargeError(limit);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** True when something (e.g. `express.json()`) consumed the body before us. */
export function bodyAlreadyConsumed(request: IncomingMessage): boolean {
  return request.readableEnded || (request as { _body?: unknown })._body === true;
}
