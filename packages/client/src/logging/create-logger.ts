import { createRequire } from 'node:module';
import type { Logger } from '@byte8/core';
import type { DestinationStream, Level, pino as Pino } from 'pino';
import { prettyLogStream } from './pretty-log-stream.js';
import { scrubSecrets, scrubValue } from './scrub-secrets.js';
import { REDACTED, SECRET_PATHS } from './secret-paths.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface CreateLoggerOptions {
  /** Minimum level written. Default `info`. */
  readonly level?: LogLevel;
  /** Logger name (pino `name`). Default `byte8`. */
  readonly name?: string;
  /** Where JSON lines go. Default stdout (pino's sonic-boom on fd 1). */
  readonly destination?: DestinationStream | NodeJS.WritableStream;
  /**
   * `json` (one JSON object a line), `pretty` (one readable line an event,
   * for people), or `auto` (default): pretty when the destination is a
   * terminal, JSON otherwise. Secrets are redacted either way.
   */
  readonly format?: 'json' | 'pretty' | 'auto';
  /** Fixed fields on every line, e.g. `{ pid, worker }`. */
  readonly bindings?: Readonly<Record<string, unknown>>;
}

/** The core `Logger` port plus `child()` for per-component fields. */
export interface Byte8Logger extends Logger {
  child(bindings: Record<string, unknown>): Byte8Logger;
  /** The pino instance, for hosts that want to share its stream. */
  readonly pino: Pino.Logger;
}

let loaded: typeof Pino | null = null;

/** pino (and its serializers and thread-stream) loads with the first logger, not with the package. */
function pino(): typeof Pino {
  loaded ??= (createRequire(import.meta.url)('pino') as typeof import('pino')).pino;
  return loaded;
}

/**
 * The default `Logger`: pino JSON lines with secret fields redacted by name
 * (`token`, `jwt`, `masterKey`, `pairingCode`, `authorization`, ...) and any
 * JWT-looking string masked, in messages and in field values alike.
 *
 * @example
 * const logger = createLogger({ level: 'debug' });
 * logger.info({ provider: 'sage_accounting' }, 'worker started');
 */
export function createLogger(options: CreateLoggerOptions = {}): Byte8Logger {
  const instance = pino()(
    {
      name: options.name ?? 'byte8',
      level: options.level ?? 'info',
      base: { ...(options.bindings ?? {}) },
      redact: { paths: [...SECRET_PATHS], censor: REDACTED },
      formatters: {
        log: (object) => scrubValue(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          // Messages are scrubbed here; fields go through `formatters.log`.
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubSecrets(arg) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    destinationOf(options),
  );
  return wrap(instance);
}

function destinationOf(options: CreateLoggerOptions): DestinationStream {
  const target = options.destination ?? process.stdout;
  const terminal = (target as { isTTY?: boolean }).isTTY === true;
  const format = options.format ?? 'auto';
  if (!['json', 'pretty', 'auto'].includes(format)) throw new TypeError(`createLogger: \`format\` must be json, pretty or auto, got ${String(format)}`);
  if (format === 'pretty' || (format === 'auto' && terminal)) {
    return prettyLogStream(target as NodeJS.WritableStream, { colour: terminal });
  }
  return (options.destination as DestinationStream | undefined) ?? pino().destination(1);
}

function wrap(instance: Pino.Logger): Byte8Logger {
  const at = (level: Level) => (fields: Record<string, unknown>, message: string) => instance[level](fields, message);
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (bindings) => wrap(instance.child(scrubValue(bindings) as Record<string, unknown>)),
    pino: instance,
  };
}
