import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { UsageError } from './cli-errors.js';
import type { Byte8HostConfig } from './host-config.js';

export const DEFAULT_CONFIG_FILES = ['byte8.config.mjs', 'byte8.config.js'] as const;

const fn = (name: string) => z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', { message: `${name} must be a function` });
const providerShape = z.looseObject({
  key: z.string().min(1),
  cliName: z.string().min(1),
  events: z.array(z.unknown()),
  commands: z.array(z.unknown()),
  eventsFor: fn('eventsFor'),
});
const sourceShape = z.looseObject({
  invoice: fn('invoice'),
  creditMemo: fn('creditMemo'),
  customer: fn('customer'),
  product: fn('product'),
  changedSince: fn('changedSince'),
});
const configShape = z.looseObject({
  storage: z.looseObject({}).optional(),
  providers: z.array(providerShape, 'must be an array of providers (defineProvider)').optional(),
  canonicalSource: sourceShape.optional(),
  production: z.boolean().optional(),
  encryption: z
    .object({ keys: z.record(z.string(), z.string()), activeKeyId: z.string().min(1) })
    .optional(),
  reconciliation: z
    .object({
      intervalMs: z.number().int().min(0).optional(),
      maxPerPass: z.number().int().min(1).optional(),
      settleMs: z.number().int().min(0).optional(),
    })
    .optional(),
});

/** The config file to load: the given path, else a default file in `cwd`, else none. */
export function findConfigFile(explicit: string | undefined, cwd: string): string | null {
  if (explicit) {
    const path = isAbsolute(explicit) ? explicit : resolve(cwd, explicit);
    if (!existsSync(path)) throw new UsageError(`--config (BYTE8_CONFIG): ${explicit} does not exist`);
    return path;
  }
  for (const name of DEFAULT_CONFIG_FILES) {
    const path = resolve(cwd, name);
    if (existsSync(path)) return path;
  }
  return null;
}

/**
 * Imports a host configuration module and validates its shape, naming the
 * offending setting (`config providers.0.key: ...`).
 */
export async function loadHostConfig(path: string): Promise<Byte8HostConfig> {
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(path).href)) as { default?: unknown };
  } catch (error) {
    throw new UsageError(`could not load the configuration module ${path}: ${(error as Error).message}`);
  }
  let value = module.default;
  if (typeof value === 'function') value = (value as () => unknown)();
  value = await value;
  if (value === undefined || value === null || typeof value !== 'object') {
    throw new UsageError(`the configuration module ${path} must default-export an object (or a function returning one)`);
  }
  const checked = configShape.safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new UsageError(`config ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return value as Byte8HostConfig;
}
