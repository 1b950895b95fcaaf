// `runHostConformance` (it imports vitest) is the `@byte8/testkit/conformance` entry, so this one loads without vitest.
export type { ConformanceHost, ConformanceOptions, MakeConformanceHost } from './conformance-host.js';
export { ConformanceError, type Harness } from './conformance-harness.js';
export {
  CONFORMANCE_CHECKS,
  type ConformanceCheck,
  disconnectKeepsPending,
  drainDeliversAndSyncs,
  fourXxDeadLetters,
  pairsWithTheLedger,
  pullsAreGuarded,
  requeueDelivers,
  savedInvoiceIsPending,
} from './conformance-checks.js';
