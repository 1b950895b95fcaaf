import type { Logger } from '@byte8/core';

/** A logger that keeps every line, serialised as a log shipper would see it, to scan for secrets. */
export function capturingLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  const record = (level: string) => (fields: Record<string, unknown>, message: string) => {
    lines.push(JSON.stringify({ level, ...fields, message }));
  };
  return { lines, debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
}
