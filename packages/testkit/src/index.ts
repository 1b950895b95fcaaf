export * from './db/index.js';
export * from './simulator/index.js';
export * from './crypto/index.js';
export * from './vectors/spec-vectors.js';
export * from './vectors/byte8-module-facts.js';
export * from './fixtures/index.js';
export * from './conformance/index.js';
export * from './provider-conformance/index.js';
