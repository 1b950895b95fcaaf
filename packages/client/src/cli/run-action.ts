/** Wraps a command body: maps errors to exit codes and records the code. */
export type RunAction = <A extends unknown[]>(body: (...args: A) => Promise<number>) => (...args: A) => Promise<void>;
