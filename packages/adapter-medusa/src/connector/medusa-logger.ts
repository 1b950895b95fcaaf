import type { Logger } from '@byte8/core';

/** Medusa's logger (winston-like: message first). */
export interface MedusaLogger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** The connector's structured logger written through Medusa's logger, fields as JSON. */
export function medusaLogger(logger: MedusaLogger): Logger {
  const line = (message: string, fields: Record<string, unknown>) =>
    Object.keys(fields).length > 0 ? `byte8: ${message} ${JSON.stringify(fields)}` : `byte8: ${message}`;
  return {
    debug: (fields, message) => logger.debug(line(message, fields)),
    info: (fields, message) => logger.info(line(message, fields)),
    warn: (fields, message) => logger.warn(line(message, fields)),
    error: (fields, message) => logger.error(line(message, fields)),
  };
}
