/**
 * Field names that hold secrets, at any of the first three levels of a log
 * object. pino's redaction needs explicit depths, so each name is listed at
 * depth 0 (`token`), 1 (`*.token`) and 2 (`*.*.token`).
 */
const SECRET_FIELDS = [
  'token',
  'jwt',
  'masterKey',
  'master_key',
  'pairingCode',
  'pairing_code',
  'byte8_api_key',
  'apiKey',
  'authorization',
  'Authorization',
  'password',
  'secret',
  // OAuth (direct mode): tokens, the client secret, the PKCE verifier, the code and the browser binding.
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'clientSecret',
  'client_secret',
  'codeVerifier',
  'code_verifier',
  'code',
  'state',
  'browserBinding',
] as const;

/** pino `redact.paths` covering {@link SECRET_FIELDS}. */
export const SECRET_PATHS: readonly string[] = SECRET_FIELDS.flatMap((name) => [name, `*.${name}`, `*.*.${name}`]);

/** What a redacted value is replaced with. */
export const REDACTED = '[redacted]';
