/** The server the store tests' pg variants use when `BYTE8_TEST_PG_URL` is not set. */
export const DEFAULT_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Where the PostgreSQL suites connect: the store tests to `BYTE8_TEST_PG_URL`
 * (default above), Medusa's test runner to `DB_HOST`/`DB_PORT`/`DB_USERNAME`/
 * `DB_PASSWORD`. Each `DB_*` not set is taken from the store URL, so one
 * variable points every suite at a server. The runner forces TLS unless the
 * host says "localhost", so 127.0.0.1 becomes `localhost`; it also needs a
 * password for TCP logins (trust auth ignores it), default `postgres`.
 */
export function postgresTargets(env) {
  const storeUrl = env.BYTE8_TEST_PG_URL?.trim() || DEFAULT_TEST_PG_URL;
  let parsed;
  try {
    parsed = new URL(storeUrl);
  } catch {
    throw new Error(`BYTE8_TEST_PG_URL is not a URL: ${storeUrl}`);
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new Error(`BYTE8_TEST_PG_URL must be a postgres:// URL, got ${parsed.protocol}//…`);
  const urlHost = parsed.hostname.replace(/^\[|\]$/g, '');
  const medusa = {
    DB_HOST: env.DB_HOST || (urlHost === '127.0.0.1' || urlHost === '::1' || urlHost === '' ? 'localhost' : urlHost),
    DB_PORT: env.DB_PORT || parsed.port || '5432',
    DB_USERNAME: env.DB_USERNAME || decodeURIComponent(parsed.username) || 'postgres',
    DB_PASSWORD: env.DB_PASSWORD || decodeURIComponent(parsed.password) || 'postgres',
  };
  const medusaUrl = `postgres://${encodeURIComponent(medusa.DB_USERNAME)}:${encodeURIComponent(medusa.DB_PASSWORD)}@${medusa.DB_HOST}:${medusa.DB_PORT}/postgres`;
  return { storeUrl, medusa, medusaUrl };
}

/** `host:port` of a URL, for messages (never the credentials). */
export function serverOf(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}`;
  } catch {
    return '(unparsable URL)';
  }
}
