import { z } from 'zod';

const providerEntry = z.union([
  z.string().min(1, 'a provider is a package name or a provider key'),
  z.custom<{ key: string; eventsFor: unknown }>(
    (value) => typeof value === 'object' && value !== null && 'key' in value && 'eventsFor' in value,
    'a provider object must come from defineProvider()',
  ),
]);

const positiveInt = z.number().int().positive();

/** A direct mode: `{ resolve: package, options }` (the package's default export makes it), or one made in the config. */
const directEntry = z.union([
  z.object({ resolve: z.string().min(1, 'resolve names a package, e.g. "@byte8/sage-direct"'), options: z.record(z.string(), z.unknown()).default({}) }).strict(),
  z.custom<{ provider: string; attach: unknown }>(
    (value) => typeof value === 'object' && value !== null && typeof (value as { attach?: unknown }).attach === 'function',
    'a direct mode is { resolve: "@byte8/sage-direct", options: {...} } or made by e.g. sageDirect({...})',
  ),
]);

/**
 * Options of the plugin entry in `medusa-config.ts`. Validated when the
 * module loads; a bad value stops the boot with the setting's name.
 */
export const pluginOptionsSchema = z
  .object({
    /**
     * Provider keys (`sage_accounting`, `xero`, `freeagent`: the packages `@byte8/<name>-accounting`),
     * package names, or provider objects. The packages must be installed in the app.
     */
    providers: z.array(providerEntry).min(1, 'list at least one provider, e.g. "sage_accounting"'),
    /** Ledger used until pairing stores its own base URL. */
    ledgerUrl: z.url().optional(),
    /**
     * Hosts a paired ledger URL may name (`ledger.example.com`, `*.example.com`; `*` any host,
     * development only). Default: the real ledger's host and its subdomains. `ledgerUrl` is always allowed.
     */
    allowedLedgerHosts: z.array(z.string().min(1)).min(1).optional(),
    /** Master-key encryption at rest: key id -> 32-byte key in base64. Required in production. */
    encryption: z
      .object({
        keys: z.record(z.string().min(1), z.string().min(1)),
        activeKeyId: z.string().min(1),
      })
      .refine((value) => value.activeKeyId in value.keys, { message: 'activeKeyId must name one of keys', path: ['activeKeyId'] })
      .optional(),
    production: z.boolean().default(false),
    /** `website_id` / `store_id` the host reports on the wire (Medusa has no websites). */
    websiteId: positiveInt.default(1),
    storeId: positiveInt.default(1),
    /** Currency whose variant price is the product `price`; default: the variant's first price. */
    priceCurrency: z.string().length(3).optional(),
    /**
     * Providers in direct mode (the store posts to the provider itself, no ledger), e.g.
     * `[{ resolve: "@byte8/sage-direct", options: { clientId, clientSecret, redirectUri } }]`.
     */
    direct: z.array(directEntry).default([]),
    /** Postgres schema for the connector's `byte8_*` tables; default: Medusa's own schema. */
    schema: z.string().min(1).optional(),
    worker: z
      .object({
        /** Drain the outbox from Medusa's scheduled job. Turn off when `byte8 worker` runs elsewhere. */
        inJob: z.boolean().default(true),
        batchSize: positiveInt.optional(),
        concurrency: positiveInt.optional(),
        leaseMs: positiveInt.optional(),
        maxAttempts: positiveInt.optional(),
      })
      .strict()
      .default({ inJob: true }),
    reconciliation: z
      .object({
        /** Run the sweep from Medusa's scheduled job (every 15 minutes). */
        enabled: z.boolean().default(true),
        /** Entities per provider and entity type per pass. */
        maxPerPass: positiveInt.default(1000),
        /** Changes younger than this wait for the next pass (a late commit must not fall behind). */
        settleMs: z.number().int().min(0).default(60_000),
      })
      .strict()
      .default({ enabled: true, maxPerPass: 1000, settleMs: 60_000 }),
    inbound: z
      .object({
        trustProxy: z.boolean().optional(),
        maxBodyBytes: positiveInt.optional(),
        /** Pairing attempts allowed per source address and in all per window (defaults 10 / 100 per minute). */
        pairingRateLimit: z
          .object({ perAddress: positiveInt.optional(), global: positiveInt.optional(), windowMs: positiveInt.optional() })
          .strict()
          .optional(),
      })
      .strict()
      .default({}),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.production && !value.encryption) {
      ctx.addIssue({ code: 'custom', path: ['encryption'], message: 'is required when production is true' });
    }
  });

export type PluginOptionsInput = z.input<typeof pluginOptionsSchema>;
export type PluginOptions = z.output<typeof pluginOptionsSchema>;

/** Keys Medusa itself adds to every module's options; not ours to validate. */
const MEDUSA_INJECTED_KEYS = ['database'];

/**
 * Validates the plugin options and fails closed: the error names the
 * setting (`byte8 plugin option "worker.batchSize": ...`).
 */
export function parsePluginOptions(raw: unknown): PluginOptions {
  const input: Record<string, unknown> = { ...((raw ?? {}) as Record<string, unknown>) };
  for (const key of MEDUSA_INJECTED_KEYS) delete input[key];
  const result = pluginOptionsSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const setting = issue.path.length > 0 ? issue.path.join('.') : '(options)';
  throw new Error(`byte8 plugin option "${setting}": ${issue.message}`);
}
