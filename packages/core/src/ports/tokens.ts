/**
 * DI tokens of the ports. Symbols from the global registry so two copies of
 * core (e.g. a host bundling its own) still agree on identities.
 */
export const TOKENS = {
  OutboxStore: Symbol.for('byte8.OutboxStore'),
  SyncStateStore: Symbol.for('byte8.SyncStateStore'),
  ConnectionStore: Symbol.for('byte8.ConnectionStore'),
  OAuthConnectionStore: Symbol.for('byte8.OAuthConnectionStore'),
  EntityRefStore: Symbol.for('byte8.EntityRefStore'),
  ReplayGuard: Symbol.for('byte8.ReplayGuard'),
  LedgerTransport: Symbol.for('byte8.LedgerTransport'),
  CanonicalSource: Symbol.for('byte8.CanonicalSource'),
  Clock: Symbol.for('byte8.Clock'),
  Random: Symbol.for('byte8.Random'),
  Logger: Symbol.for('byte8.Logger'),
  SecretBox: Symbol.for('byte8.SecretBox'),
  Providers: Symbol.for('byte8.Providers'),
} as const;
export type TokenName = keyof typeof TOKENS;
