import { createRequire } from 'node:module';
import type { Container } from 'inversify';
import type { Provider } from '../provider/define-provider.js';
import { TOKENS } from '../ports/tokens.js';

/** Resolves another binding inside a factory. */
export type Resolve = <T>(token: symbol) => T;

/** A port implementation: a ready value, or a factory run once on first use. */
export type Binding =
  | { readonly token: symbol; readonly value: unknown }
  | { readonly token: symbol; readonly factory: (resolve: Resolve) => unknown };

export interface BuildContainerOptions {
  readonly providers: readonly Provider[];
  /** Applied in order; a later binding for the same token replaces an earlier one (hosts override defaults). */
  readonly bindings: readonly Binding[];
  /** Tokens that must be bound; checked at build time so a missing port fails at boot, not mid-request. */
  readonly require?: readonly symbol[];
}

/** The composed application: ports, providers and whatever adapters bound. */
export interface Byte8Container {
  get<T>(token: symbol): T;
  has(token: symbol): boolean;
  readonly providers: readonly Provider[];
  provider(key: string): Provider;
}

let containerClass: typeof Container | null = null;

/**
 * inversify (about 240 modules, 10+ MiB resident) is loaded on the first
 * container, not at import: a process that imports the package for its
 * stores and worker alone never builds one. require() of an ES module is
 * synchronous on Node 20.19+ (the engines floor).
 */
function inversifyContainer(): typeof Container {
  if (containerClass) return containerClass;
  const require = createRequire(import.meta.url);
  require('reflect-metadata');
  containerClass = (require('inversify') as typeof import('inversify')).Container;
  return containerClass;
}

/**
 * Composes ports, providers and adapters with inversify (design §3). Every
 * binding is a singleton: one store, one transport, one logger per container.
 */
export function buildContainer(options: BuildContainerOptions): Byte8Container {
  const keys = new Set<string>();
  for (const provider of options.providers) {
    if (keys.has(provider.key)) throw new Error(`providers: "${provider.key}" is installed twice`);
    keys.add(provider.key);
  }
  const pairingPaths = new Set<string>();
  for (const provider of options.providers) {
    if (pairingPaths.has(provider.pairingPath)) {
      throw new Error(`providers: pairing path ${provider.pairingPath} is claimed by two providers`);
    }
    pairingPaths.add(provider.pairingPath);
  }

  const latest = new Map<symbol, Binding>();
  for (const binding of options.bindings) latest.set(binding.token, binding);
  latest.set(TOKENS.Providers, { token: TOKENS.Providers, value: Object.freeze([...options.providers]) });

  for (const token of options.require ?? []) {
    if (!latest.has(token)) throw new Error(`container: no binding for ${describe(token)}`);
  }

  const container = new (inversifyContainer())();
  for (const [token, binding] of latest) {
    if ('value' in binding) {
      container.bind(token).toConstantValue(binding.value);
    } else {
      container
        .bind(token)
        .toDynamicValue((context) => binding.factory(<T>(t: symbol) => context.get<T>(t)))
        .inSingletonScope();
    }
  }

  return {
    get: <T>(token: symbol) => {
      if (!container.isBound(token)) throw new Error(`container: no binding for ${describe(token)}`);
      return container.get<T>(token);
    },
    has: (token) => container.isBound(token),
    providers: options.providers,
    provider(key) {
      const found = options.providers.find((p) => p.key === key);
      if (!found) throw new Error(`provider "${key}" is not installed (installed: ${[...keys].join(', ') || 'none'})`);
      return found;
    },
  };
}

function describe(token: symbol): string {
  return token.description ?? token.toString();
}
