/** `--port`: 0 (a free port) when absent, else an integer from 0 to 65535. */
export function parsePortFlag(value: string | undefined): number {
  if (value === undefined) return 0;
  if (!/^\d+$/.test(value)) throw new Error(`--port must be a non-negative integer, got '${value}'`);
  const port = Number(value);
  if (port > 65535) throw new Error(`--port must be at most 65535, got ${port}`);
  return port;
}
