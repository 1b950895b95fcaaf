import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/**
 * HTTPS check for the inbound routes: the socket's own TLS state, or, only
 * when the host says a proxy in front of it is trusted (`inbound.trustProxy`),
 * the first value of `X-Forwarded-Proto`.
 */
export function isSecureRequest(request: IncomingMessage, trustProxy: boolean): boolean {
  if ((request.socket as TLSSocket).encrypted) return true;
  if (!trustProxy) return false;
  const forwarded = request.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
  return first === 'https';
}
