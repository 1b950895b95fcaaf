import type { CanonicalSource, Provider } from '@byte8/core';
import type { Byte8 } from '../app/byte8-types.js';
import { createByte8 } from '../app/create-byte8.js';
import { type Byte8Logger, createLogger } from '../logging/create-logger.js';
import type { Byte8Storage } from '../storage/byte8-storage.js';
import type { WatermarkAccess } from '../reconcile/watermark.js';
import { UsageError } from './cli-errors.js';
import type { CliIo } from './cli-io.js';
import type { GlobalSettings } from './global-settings.js';
import type { Byte8HostConfig } from './host-config.js';
import { openCliStorage } from './open-cli-storage.js';

/** Storage as the CLI uses it: the ports plus the watermarks. */
export type CliStorage = Byte8Storage & { readonly watermarks: WatermarkAccess };

/**
 * One CLI run: the io, the validated global settings, the host's config (if
 * any) and the resources opened on demand, closed together at the end.
 */
export class CliContext {
  settings!: GlobalSettings;
  readonly #closers: Array<() => Promise<void>> = [];
  #storage: Promise<CliStorage> | null = null;
  #logger: Byte8Logger | null = null;
  #byte8: Promise<Byte8> | null = null;

  constructor(
    readonly io: CliIo,
    readonly config: Byte8HostConfig | null,
    readonly configPath: string | null,
    readonly providers: readonly Provider[],
  ) {}

  /** A line on stdout (the command's result). */
  out(line: string): void {
    this.io.stdout.write(`${line}\n`);
  }

  /** A line on stderr (notices, errors, progress). */
  err(line: string): void {
    this.io.stderr.write(`${line}\n`);
  }

  /** Machine output for `--json`: one JSON document on stdout. */
  json(value: unknown): void {
    this.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  get logger(): Byte8Logger {
    this.#logger ??= createLogger({ level: this.settings?.logLevel ?? 'info', destination: this.io.stderr as never });
    return this.#logger;
  }

  /** The provider with this key, or the only one installed; a usage error otherwise. */
  provider(key: string | undefined): Provider {
    if (key) {
      const found = this.providers.find((p) => p.key === key || p.cliName === key);
      if (!found) throw new UsageError(`--provider: unknown provider ${key} (installed: ${this.providerKeys()})`);
      return found;
    }
    if (this.providers.length === 1) return this.providers[0]!;
    if (this.providers.length === 0) throw new UsageError('no provider installed: name providers in the configuration module, or install a provider package (e.g. @byte8/sage-accounting) next to the host');
    throw new UsageError(`--provider is required: several providers are installed (${this.providerKeys()})`);
  }

  /** Validates an optional `--provider` filter. */
  providerFilter(key: string | undefined): string | undefined {
    return key === undefined ? undefined : this.provider(key).key;
  }

  providerKeys(): string {
    return this.providers.map((p) => p.key).join(', ') || 'none';
  }

  /** The host's data; only commands that read it need a configuration module. */
  canonicalSource(command: string): CanonicalSource {
    if (!this.config?.canonicalSource) {
      throw new UsageError(
        `${command} needs the host's data: pass --config (BYTE8_CONFIG) with a module exporting canonicalSource` +
          (this.configPath ? ` (${this.configPath} has none)` : ''),
      );
    }
    return this.config.canonicalSource;
  }

  /** Opens the storage once per run (migrations are not run implicitly). */
  storage(): Promise<CliStorage> {
    this.#storage ??= openCliStorage(this.settings, this.config).then((opened) => {
      if (opened.owned) this.#closers.push(() => opened.storage.close());
      return opened.storage;
    });
    return this.#storage;
  }

  /**
   * The host's composition root (`createByte8`) over this run's storage, for
   * commands that need the host's data; the same wiring the host runs in-process.
   */
  byte8(command: string, overrides: Partial<Pick<Byte8HostConfig, 'worker' | 'reconciliation'>> = {}): Promise<Byte8> {
    const source = this.canonicalSource(command);
    this.#byte8 ??= this.storage().then(async (storage) => {
      const { storage: _options, ...config } = this.config ?? {};
      try {
        const allowedHosts = config.ledger?.allowedHosts ?? this.settings.allowedLedgerHosts;
        const byte8 = await createByte8({
          ...config,
          ...(allowedHosts ? { ledger: { ...config.ledger, allowedHosts } } : {}),
          ...overrides,
          storage,
          providers: this.providers,
          canonicalSource: source,
          logger: this.config?.logger ?? this.logger,
        });
        this.#closers.push(() => byte8.close({ closeStorage: false }));
        return byte8;
      } catch (error) {
        throw new UsageError(`config: ${(error as Error).message}`);
      }
    });
    return this.#byte8;
  }

  /** Registers cleanup run when the command ends. */
  onClose(closer: () => Promise<void>): void {
    this.#closers.push(closer);
  }

  async close(): Promise<void> {
    for (const closer of this.#closers.reverse()) await closer().catch(() => undefined);
    this.#closers.length = 0;
  }
}
