/**
 * The wire contract's test vectors (wire-contract §3.1–§3.3), exported so any
 * implementation of either side can check its crypto byte for byte.
 */
export const SPEC_VECTORS = {
  /** §3.1: HKDF-SHA256, empty salt, IKM = the master key's UTF-8 bytes. */
  subkeys: {
    masterKey: 'test-master-key-0123456789',
    outboundHex: '00977575e7c1fc4bc03b0f29ede9bbc7aa46b45f358198c109927b3507d5a8a4',
    inboundHex: '554b4d8f1d411fdd7d954da1c9a5328ae2618fa2edf36bfa437de95bf0ff063d',
  },
  /** §3.2: a host → ledger token signed with the outbound subkey. Valid for now ∈ [iat, exp). */
  outboundToken: {
    masterKey: 'test-master-key-0123456789',
    claims: {
      iss: 'magento',
      sub: '00000000-0000-4000-8000-000000000001',
      aud: 'byte8-ledger',
      iat: 1767225600,
      nbf: 1767225600,
      exp: 1767225660,
      jti: '11111111-2222-4333-8444-555555555555',
    },
    token:
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJtYWdlbnRvIiwic3ViIjoiMDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAxIiwiYXVkIjoiYnl0ZTgtbGVkZ2VyIiwiaWF0IjoxNzY3MjI1NjAwLCJuYmYiOjE3NjcyMjU2MDAsImV4cCI6MTc2NzIyNTY2MCwianRpIjoiMTExMTExMTEtMjIyMi00MzMzLTg0NDQtNTU1NTU1NTU1NTU1In0.NqTt46ywgSe_phHplQPjf_9I635C-1jXAhR6kIN6gS0',
  },
  /** §3.3.2: a ledger → host token the host accepts for now ∈ [iat, exp). */
  inboundToken: {
    masterKey: 'test-master-key-0123456789',
    claims: {
      iss: 'byte8-ledger',
      sub: '00000000-0000-4000-8000-000000000001',
      aud: 'magento',
      iat: 1767225600,
      nbf: 1767225600,
      exp: 1767225900,
      jti: '66666666-7777-4888-9999-aaaaaaaaaaaa',
    },
    token:
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJieXRlOC1sZWRnZXIiLCJzdWIiOiIwMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDEiLCJhdWQiOiJtYWdlbnRvIiwiaWF0IjoxNzY3MjI1NjAwLCJuYmYiOjE3NjcyMjU2MDAsImV4cCI6MTc2NzIyNTkwMCwianRpIjoiNjY2NjY2NjYtNzc3Ny00ODg4LTk5OTktYWFhYWFhYWFhYWFhIn0.Rww56hdKMcw6zOjwdd9MRVFeBYdy-WsKD-22-eLvlb8',
    /** The host's replay-cache key for that jti. */
    jtiCacheKey: 'byte8_jti:28e2ba5146834a9faf92e7997c647158ad3d6456',
  },
} as const;
