import type { DirectMode } from '@byte8/core';
import type { ClientApi } from '../connector/client-api.js';

export type DirectEntry = { readonly resolve: string; readonly options: Record<string, unknown> } | { readonly provider: string; readonly attach: unknown };


function isDirectMode(value: unknown): value is DirectMode {
  return typeof value === 'object' && value !== null && typeof (value as DirectMode).provider === 'string' && typeof (value as DirectMode).attach === 'function';
}

/**
 * Turns the `direct` option into direct modes: a `{ resolve, options }`
 * entry loads the package (from the Medusa app's directory, where the
 * merchant installs it: the plugin does not bring it) and calls its default export with the options
 * (which checks them); a ready mode is taken as it is. Fails naming the
 * entry, with the package's own message (`sageDirect option "clientId": ...`).
 */
export async function resolveDirectModes(
  client: Pick<ClientApi, 'importPackageFrom'>,
  entries: readonly DirectEntry[],
  appDir: string,
): Promise<DirectMode[]> {
  const modes: DirectMode[] = [];
  for (const [index, entry] of entries.entries()) {
    const setting = `byte8 plugin option "direct[${index}]"`;
    if (!('resolve' in entry)) {
      if (!isDirectMode(entry)) throw new Error(`${setting}: not a direct mode`);
      modes.push(entry);
      continue;
    }
    let loaded: Record<string, unknown>;
    try {
      loaded = await client.importPackageFrom(entry.resolve, [appDir]);
    } catch (error) {
      throw new Error(`${setting}: cannot load "${entry.resolve}" (${(error as Error).message})`);
    }
    const factory = loaded.default ?? (loaded['module.exports'] as Record<string, unknown> | undefined)?.default;
    if (typeof factory !== 'function') throw new Error(`${setting}: "${entry.resolve}" has no default export making a direct mode`);
    let mode: unknown;
    try {
      mode = (factory as (options: unknown) => unknown)(entry.options);
    } catch (error) {
      throw new Error(`${setting}: ${(error as Error).message}`);
    }
    if (!isDirectMode(mode)) throw new Error(`${setting}: "${entry.resolve}" did not make a direct mode`);
    modes.push(mode);
  }
  const keys = modes.map((mode) => mode.provider);
  const duplicate = keys.find((key, index) => keys.indexOf(key) !== index);
  if (duplicate) throw new Error(`byte8 plugin option "direct": provider "${duplicate}" is listed twice`);
  return modes;
}
