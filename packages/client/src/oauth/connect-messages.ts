import type { DirectConnectOutcomeKind } from '@byte8/core';

/** OAuth callback error codes a provider may send (Sage c.2); any other value is not echoed. */
const KNOWN_CALLBACK_ERRORS = new Set([
  'invalid_request',
  'invalid_scope',
  'server_error',
  'temporarily_unavailable',
  'unauthorized_client',
  'unsupported_response_type',
]);

/** The code to mention in a message, when it is one a provider really sends. */
export function knownCallbackError(error: unknown): string | null {
  return typeof error === 'string' && KNOWN_CALLBACK_ERRORS.has(error) ? error : null;
}

/** One sentence per outcome, for the merchant. Refusals say that nothing was changed. */
export function connectMessage(kind: DirectConnectOutcomeKind, name: string, detail: string | null = null): string {
  const again = `Nothing was changed; start again with Connect to ${name}.`;
  switch (kind) {
    case 'connected':
      return detail ? `Connected to ${name}: ${detail}.` : `Connected to ${name}.`;
    case 'business_needed':
      return `Connected to ${name}. Choose the business this store posts to.`;
    case 'denied':
      return `${name} access was not granted: the sign-in was cancelled or denied. Nothing was changed.`;
    case 'provider_error':
      return `${name} could not complete the sign-in${detail ? ` (${detail})` : ''}. ${again}`;
    case 'missing_state':
      return `The answer from ${name} carries no state, so it cannot be checked. ${again}`;
    case 'unknown_state':
      return `This sign-in was not started here, was replaced by a newer one, or was already used. ${again}`;
    case 'other_browser':
      return `This sign-in was started in another browser (or this browser lost its sign-in cookie). ${again}`;
    case 'expired_state':
      return `This sign-in took longer than 10 minutes and expired. ${again}`;
    case 'code_refused':
      return `${name} refused the sign-in code (it expired or was already used). ${again}`;
    case 'unavailable':
      return `${name} did not answer in time. Nothing was changed; try again in a moment.`;
    case 'unknown_business':
      return `That business is not one the connected ${name} user can reach. Nothing was changed.`;
    case 'not_connected':
      return `${name} is not connected: connect it first.`;
  }
}
