export {};
export * from './logging/create-logger.js';
export * from './logging/scrub-secrets.js';
export * from './logging/secret-paths.js';
