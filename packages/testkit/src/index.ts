export {};
export * from './db/index.js';
export * from './providers/index.js';
