export { isProvider } from './is-provider.js';
export { importPackageFrom, loadProviderPackage, type LoadProviderOptions, type ModuleImporter } from './load-provider-package.js';
export { resolveProviders, type ProviderEntry } from './resolve-providers.js';
export { findInstalledProviders } from './find-installed-providers.js';
