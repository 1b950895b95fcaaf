import { type RawBuilder, sql } from 'kysely';

/** Schema-qualified references to the connector's tables, for raw SQL. */
export interface Byte8Tables {
  readonly schema: string | null;
  readonly outbox: RawBuilder<unknown>;
  readonly syncState: RawBuilder<unknown>;
  readonly connection: RawBuilder<unknown>;
  readonly entityRef: RawBuilder<unknown>;
  readonly jti: RawBuilder<unknown>;
  readonly watermark: RawBuilder<unknown>;
  readonly rateLimit: RawBuilder<unknown>;
  readonly oauthConnection: RawBuilder<unknown>;
}

export const TABLE_NAMES = {
  outbox: 'byte8_event_outbox',
  syncState: 'byte8_entity_sync_state',
  connection: 'byte8_connection',
  entityRef: 'byte8_entity_ref',
  jti: 'byte8_jti',
  watermark: 'byte8_watermark',
  rateLimit: 'byte8_rate_limit',
  oauthConnection: 'byte8_oauth_connection',
  entityXref: 'byte8_entity_xref',
} as const;

/** Channel the outbox trigger notifies on every insert statement. */
export const OUTBOX_CHANNEL = 'byte8_outbox';

// Always qualified when a schema is set: a host's transaction may run with its own search_path.
const qualified = (schema: string | null, name: string) => sql.table(schema ? `${schema}.${name}` : name);

export function byte8Tables(schema: string | null): Byte8Tables {
  return {
    schema,
    outbox: qualified(schema, TABLE_NAMES.outbox),
    syncState: qualified(schema, TABLE_NAMES.syncState),
    connection: qualified(schema, TABLE_NAMES.connection),
    entityRef: qualified(schema, TABLE_NAMES.entityRef),
    jti: qualified(schema, TABLE_NAMES.jti),
    watermark: qualified(schema, TABLE_NAMES.watermark),
    rateLimit: qualified(schema, TABLE_NAMES.rateLimit),
    oauthConnection: qualified(schema, TABLE_NAMES.oauthConnection),
  };
}
