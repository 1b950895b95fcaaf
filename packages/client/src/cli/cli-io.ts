/** A stream the CLI writes to; `isTTY` picks the progress style. */
export interface CliStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Everything a CLI run touches outside itself, so it can run in-process in tests. */
export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Directory the default config file is looked up in. Default `process.cwd()`. */
  readonly cwd?: string;
  /** Aborted on SIGINT/SIGTERM: long commands (worker, backfill) stop gracefully. */
  readonly signal?: AbortSignal;
}
