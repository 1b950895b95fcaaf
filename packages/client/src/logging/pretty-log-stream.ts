/** Where pretty lines go: a terminal stream, or anything with `write`. */
export interface LineSink {
  write(text: string): unknown;
}

const LEVELS: Readonly<Record<number, { readonly name: string; readonly colour: string }>> = {
  10: { name: 'TRACE', colour: '90' },
  20: { name: 'DEBUG', colour: '36' },
  30: { name: 'INFO', colour: '32' },
  40: { name: 'WARN', colour: '33' },
  50: { name: 'ERROR', colour: '31' },
  60: { name: 'FATAL', colour: '35' },
};

// Fields every pino line has; the pretty line shows them as time, level and message.
const FRAME = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'name', 'v']);

function formatValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s="]+$/.test(value) ? value : JSON.stringify(value);
  if (value && typeof value === 'object' && 'message' in value && typeof (value as { message: unknown }).message === 'string') {
    return JSON.stringify((value as { message: string }).message);
  }
  return JSON.stringify(value) ?? String(value);
}

function clock(epochMs: unknown): string {
  const date = typeof epochMs === 'number' ? new Date(epochMs) : new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/**
 * One pino JSON line as one readable line: `12:00:01 INFO  message key=value`.
 * Works on what pino already wrote, after redaction, so it can show nothing
 * the JSON line would not. A line that is not JSON passes through unchanged.
 */
export function formatLogLine(json: string, options: { readonly colour?: boolean } = {}): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const level = LEVELS[Number(record.level)] ?? { name: String(record.level ?? '?').toUpperCase(), colour: '0' };
  const label = level.name.padEnd(5);
  const fields = Object.entries(record)
    .filter(([key, value]) => !FRAME.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${formatValue(value)}`);
  const message = typeof record.msg === 'string' ? record.msg : '';
  const head = options.colour ? `\u001b[${level.colour}m${label}\u001b[0m` : label;
  return `${clock(record.time)} ${head} ${message}${fields.length > 0 ? `  ${fields.join(' ')}` : ''}\n`;
}

/**
 * A pino destination that writes each JSON line pretty to `sink`, for
 * terminals. pino hands a stream one complete line per `write`.
 */
export function prettyLogStream(sink: LineSink, options: { readonly colour?: boolean } = {}): { write(line: string): void } {
  return {
    write(line: string) {
      for (const part of line.split('\n')) if (part.trim() !== '') sink.write(formatLogLine(part, options));
    },
  };
}
