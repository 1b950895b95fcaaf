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

/**
 * What an operator reads for an error a command did not expect: the
 * database's "relation does not exist" for one of our tables means the
 * migrations never ran there, and says what to do.
 */
export function operatorMessage(error: unknown): string {
  const err = error as { code?: unknown; message?: unknown } | null;
  const message = String(err?.message ?? error);
  if (err?.code === '42P01' && /byte8_/.test(message)) {
    return `the connector's tables are missing in this database (${message}): run \`byte8 migrate\` against it first`;
  }
  return message;
}
