/**
 * A document that cannot be posted as it stands: a missing setting, an
 * entity the store no longer has, data Sage would refuse. Recorded as a
 * failed chip with `code` and the words; the row is dead-lettered (fix the
 * cause, then requeue).
 */
export class DocumentError extends Error {
  constructor(
    /** Short class for the chip's `error_code` (<= 64), e.g. `missing_setting`, `not_found`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}

/** Another worker is creating the same Sage object right now: try again shortly. */
export class CreateInFlightError extends Error {
  constructor(kind: string, hostKey: string) {
    super(`another worker is creating ${kind} ${hostKey} in Sage; trying again shortly`);
    this.name = 'CreateInFlightError';
  }
}
