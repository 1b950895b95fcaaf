export { base64url, decodeBase64url } from './base64url.js';
export { deriveSimSubkey, INBOUND_KEY_INFO, OUTBOUND_KEY_INFO } from './derive-subkey.js';
export { JWT_HEADER, signHs256 } from './sign-hs256.js';
export { type InboundClaims, inboundClaims, type MintInboundOptions, mintInboundToken } from './inbound-token.js';
export { jtiReplayKey } from './jti-replay-key.js';
export { type JwtRejection, type OutboundClaims, type VerifyOutboundOptions, type VerifyOutboundResult, verifyOutboundToken } from './verify-outbound-token.js';
