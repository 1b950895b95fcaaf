/** Exit codes of `byte8`: 0 done, 1 the command failed, 2 it was called wrongly or is misconfigured. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Bad arguments or configuration: exit 2, message on stderr. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The command ran and failed (e.g. a missing outbox id): exit 1, message on stderr. */
export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';
}
