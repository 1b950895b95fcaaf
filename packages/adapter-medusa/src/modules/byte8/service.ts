import { configManager } from '@medusajs/framework/config';
import { type MedusaConnector, createMedusaConnector } from '../../connector/create-medusa-connector.js';
import type { MedusaLogger } from '../../connector/medusa-logger.js';
import { type PluginOptions, parsePluginOptions } from '../../options/plugin-options.js';
import type { GraphQuery } from '../../source/graph-query.js';

/** What Medusa hands a module service: its options plus the shared database settings. */
interface ModuleOptions {
  readonly database?: { readonly clientUrl?: string };
  readonly [key: string]: unknown;
}

/** The app container, as far as the service uses it. */
export interface AppScope {
  resolve<T = unknown>(key: string): T;
}

/**
 * The plugin's module service: owns the validated options and the composed
 * connector, so subscribers, jobs and routes (which get no plugin options in
 * Medusa 2.21) resolve it as `container.resolve("byte8")`.
 */
export default class Byte8ModuleService {
  readonly options: PluginOptions;
  readonly #databaseUrl: string | undefined;
  #connector: Promise<MedusaConnector> | null = null;

  constructor(_deps: Record<string, unknown>, rawOptions: ModuleOptions = {}) {
    this.options = parsePluginOptions(rawOptions);
    this.#databaseUrl = rawOptions.database?.clientUrl;
  }

  /**
   * The connector, composed on first use with the app's `query` and logger.
   * A failed composition is not cached: the next call tries again.
   */
  connector(scope: AppScope): Promise<MedusaConnector> {
    if (!this.#connector) {
      const databaseUrl = this.#databaseUrl ?? scope.resolve<{ projectConfig: { databaseUrl?: string } }>('configModule').projectConfig.databaseUrl;
      if (!databaseUrl) return Promise.reject(new Error('byte8: Medusa has no databaseUrl; the connector stores its tables there'));
      this.#connector = createMedusaConnector({
        options: this.options,
        databaseUrl,
        query: scope.resolve<GraphQuery>('query'),
        logger: scope.resolve<MedusaLogger>('logger'),
        // Where Medusa loaded medusa-config from: the app, whose dependencies hold the provider packages.
        appDir: configManager.baseDir ?? process.cwd(),
      });
      this.#connector.catch(() => {
        this.#connector = null;
      });
    }
    return this.#connector;
  }

  /** Closes the connector's pool when Medusa shuts down. */
  __hooks = {
    onApplicationShutdown: async (): Promise<void> => {
      const pending = this.#connector;
      this.#connector = null;
      if (pending) await (await pending.catch(() => null))?.connector.close();
    },
  };
}
