import { configManager } from '@medusajs/framework/config';
import { Module } from '@medusajs/framework/utils';
import { loadClientApi } from '../../connector/client-api.js';
import { parsePluginOptions } from '../../options/plugin-options.js';
import { resolveDirectModes } from '../../options/resolve-direct-modes.js';
import { runByte8Migrations } from './run-migrations.js';
import Byte8ModuleService from './service.js';

/** Container key of the module service. */
export const BYTE8_MODULE = 'byte8';

/** Fails the boot with the setting's name when the plugin options are wrong (direct modes check their own). */
async function validateOptions({ options }: { options?: Record<string, unknown> }): Promise<void> {
  const parsed = parsePluginOptions(options);
  if (parsed.direct.length === 0) return;
  // Loaded from the app, as the connector loads them (the plugin does not bring them).
  await resolveDirectModes(await loadClientApi(), parsed.direct, configManager.baseDir ?? process.cwd());
}

export default {
  ...Module(BYTE8_MODULE, { service: Byte8ModuleService, loaders: [validateOptions] }),
  runMigrations: runByte8Migrations,
  // The connector's migrations only move forward; nothing to revert or generate.
  revertMigration: async (): Promise<void> => {},
  generateMigration: async (): Promise<void> => {},
};
