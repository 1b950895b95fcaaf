export * from './throwaway-pg-database.js';
export * from './memory-pglite.js';
export * from './test-dialects.js';
export * from './throwaway-mysql-database.js';
