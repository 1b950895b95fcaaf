// The simulator without the vitest-based conformance suite, for runtime use (demos, CLIs).
export { LedgerSimulator } from './ledger-simulator.js';
export type { LedgerSimulatorOptions, PolicyOutcome, EventPolicy, PolicyConfig, PolicyMap } from './simulator-options.js';
export { PolicyTable, DEFAULT_PROVIDER } from './simulator-options.js';
export { FaultInjector, type FaultTarget, type ThrottleOptions } from './fault-injector.js';
export type { SimTenant, TenantInput, HealthSettings } from './tenant-registry.js';
export { mintMasterKey } from './tenant-registry.js';
export type { PairOptions, PairResult } from './pair-driver.js';
export { defaultPairPath } from './pair-driver.js';
export type { PullTarget } from './host-client.js';
export type { CallbackRecord, DeliveryRecord, ProcessingRecord, PullRecord, RecordedExchange, SimulatorStats } from './records.js';
export type { WaitOptions } from './wait-for.js';
export { waitFor } from './wait-for.js';
