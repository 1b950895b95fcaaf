import { Module } from '@medusajs/framework/utils';
import { parsePluginOptions } from '../../options/plugin-options.js';
import { resolveDirectModes } from '../../options/resolve-direct-modes.js';
import { runByte8Migrations } from './run-migrations.js';
import Byte8ModuleService from './service.js';

/** Container key of the module service. */
export const BYTE8_MODULE = 'byte8';

/** Fails the boot with the setting's name when the plugin options are wrong (direct modes check their own). */
async function validateOptions({ options }: { options?: Record<string, unknown> }): Promise<void> {
  await resolveDirectModes(parsePluginOptions(options).direct);
}

export default {
  ...Module(BYTE8_MODULE, { service: Byte8ModuleService, loaders: [validateOptions] }),
  runMigrations: runByte8Migrations,
  // The connector's migrations only move forward; nothing to revert or generate.
  revertMigration: async (): Promise<void> => {},
  generateMigration: async (): Promise<void> => {},
};
