/** Why a call to Sage got no usable answer. */
export type SageTransportFailure = 'timeout' | 'network' | 'too_large';

/**
 * No (complete) answer from Sage. `requestSent` says whether the request may
 * have reached Sage: false only when the connection never opened, so a write
 * that failed with `requestSent: true` may have happened.
 */
export class SageTransportError extends Error {
  constructor(
    readonly failure: SageTransportFailure,
    message: string,
    readonly requestSent: boolean,
  ) {
    super(message);
    this.name = 'SageTransportError';
  }
}
