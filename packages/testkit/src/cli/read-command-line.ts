/**
 * Runs a command's argument parser: a parse error prints `<command>: <message>`
 * and the usage (exit code 2), `--help` prints the usage (exit code 0); either
 * way the caller gets the exit code instead of arguments.
 */
export function readCommandLine<A extends { readonly help: boolean }>(
  command: string,
  usage: string,
  parse: () => A,
  io: { readonly out: (line: string) => void; readonly err: (line: string) => void },
): Exclude<A, { readonly help: true }> | number {
  let args: A;
  try {
    args = parse();
  } catch (error) {
    io.err(`${command}: ${error instanceof Error ? error.message : String(error)}`);
    io.err(usage);
    return 2;
  }
  if (args.help) {
    io.out(usage);
    return 0;
  }
  return args as Exclude<A, { readonly help: true }>;
}
