import type { DirectConnection, DirectMode, DirectModeDeps, Provider } from '@byte8/core';

/**
 * Attaches each configured direct mode to the connector's storage; fails at
 * boot, naming the setting, for a mode that is not one, names a provider that
 * is not installed, or repeats one.
 */
export function attachDirectModes(modes: readonly DirectMode[], providers: readonly Provider[], deps: DirectModeDeps): ReadonlyMap<string, DirectConnection> {
  if (!Array.isArray(modes)) throw new Error('createByte8: direct must be a list of direct modes (e.g. [sageDirect({...})])');
  const attached = new Map<string, DirectConnection>();
  modes.forEach((mode, index) => {
    if (typeof mode?.provider !== 'string' || typeof mode.attach !== 'function') {
      throw new Error(`createByte8: direct[${index}] is not a direct mode (make it with e.g. sageDirect({...}))`);
    }
    if (!providers.some((provider) => provider.key === mode.provider)) {
      throw new Error(`createByte8: direct[${index}] is for provider "${mode.provider}", which is not in providers`);
    }
    if (attached.has(mode.provider)) throw new Error(`createByte8: direct lists provider "${mode.provider}" twice`);
    attached.set(mode.provider, mode.attach(deps));
  });
  return attached;
}
