export * from './db/index.js';
export * from './providers/index.js';
export * from './simulator/index.js';
export * from './crypto/index.js';
export * from './vectors/spec-vectors.js';
export * from './fixtures/index.js';
export * from './conformance/index.js';
export * from './sage-api/index.js';
