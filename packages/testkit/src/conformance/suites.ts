// The `@byte8/testkit/conformance` entry: the suites that register vitest tests. Only this entry imports vitest.
export { runHostConformance } from './run-host-conformance.js';
export * from '../provider-conformance/index.js';
