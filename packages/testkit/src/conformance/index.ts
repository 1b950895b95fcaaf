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
export { runHostConformance } from './run-host-conformance.js';
